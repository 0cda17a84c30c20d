import type { ReactNode } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { TopBar } from "@/components/shell/top-bar";
import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getUserProfile } from "@/lib/members/get-user-profile";

/** Every page below resolves the signed-in user's workspace and role here, on the server. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const access = await requireAccess();
  const profile = await getUserProfile(await getPrisma(), access.userId);
  return (
    <div data-testid="dashboard-shell" className="flex min-h-dvh">
      <a
        href="#main-content"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <TopBar access={access} profile={profile} />
        <main id="main-content" tabIndex={-1} className="flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
