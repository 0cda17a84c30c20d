import type { ReactNode } from "react";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { Sidebar } from "@/components/shell/sidebar";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { TopBar } from "@/components/shell/top-bar";
import { switchWorkspaceAction } from "./switch-workspace-action";
import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { getUserProfile } from "@/lib/members/get-user-profile";

/**
 * The signed-in user's workspace, role and profile, or null while the database is unavailable: the
 * shell then still renders (navigation stays usable) around a "database unavailable, retrying" state
 * instead of the page, which would fail the same way. Sign-in redirects and real bugs pass through.
 */
async function loadShell() {
  try {
    const access = await requireAccess();
    return { access, profile: await getUserProfile(await getPrisma(), access.userId) };
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    console.error("[pages] database unavailable:", err instanceof Error ? err.message.trim().split("\n").at(-1) : err);
    return null;
  }
}

/** Every page below resolves the signed-in user's workspace and role here, on the server. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const shell = await loadShell();
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
        {shell ? (
          <TopBar access={shell.access} profile={shell.profile} switchWorkspaceAction={switchWorkspaceAction} />
        ) : (
          <header className="sticky top-0 z-30 flex min-h-14 items-center justify-end border-b border-zinc-200 bg-white/85 py-2 pr-4 pl-14 backdrop-blur md:pl-6 dark:border-zinc-800 dark:bg-zinc-900/85">
            <ThemeToggle />
          </header>
        )}
        <main id="main-content" tabIndex={-1} className="flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8">
          {shell ? children : <DatabaseUnavailable />}
        </main>
      </div>
    </div>
  );
}
