import type { Access } from "@/lib/auth/workspace-access";
import type { UserProfile } from "@/lib/members/get-user-profile";
import type { SwitchWorkspaceResult } from "@/lib/members/switch-workspace";
import { DateRangeControl } from "./date-range-control";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function TopBar({
  access,
  profile,
  switchWorkspaceAction,
}: {
  access: Access;
  profile: UserProfile;
  switchWorkspaceAction: (slug: string) => Promise<SwitchWorkspaceResult>;
}) {
  return (
    <header className="sticky top-0 z-30 flex min-h-14 flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 bg-white/85 py-2 pr-4 pl-14 backdrop-blur md:pl-6 dark:border-zinc-800 dark:bg-zinc-900/85">
      <WorkspaceSwitcher
        key={access.workspace.slug}
        current={access.workspace.slug}
        workspaces={access.workspaces.map((w) => ({ slug: w.slug, name: w.name, role: w.role }))}
        switchWorkspaceAction={switchWorkspaceAction}
      />
      <div className="ml-auto flex items-center gap-2">
        <DateRangeControl />
        <ThemeToggle />
        <UserMenu name={profile.name} email={profile.email} role={access.role} workspaceName={access.workspace.name} />
      </div>
    </header>
  );
}
