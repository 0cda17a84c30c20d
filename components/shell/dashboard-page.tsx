import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import type { DashboardContext } from "@/lib/dashboards/load-dashboard-page";
import { FirstEventPanel } from "./first-event-panel";

/**
 * The frame of an analytics page: heading, the range it shows, and — while the workspace has no
 * events at all — the first-event panel instead of the page's panels.
 */
export function DashboardPage({
  title,
  description,
  context,
  children,
}: {
  title: string;
  description: string;
  context: DashboardContext;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-7xl">
      <PageHeader
        title={title}
        description={description}
        meta={
          <span
            className="rounded-md bg-zinc-100 px-2 py-1 text-xs font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
            data-testid="range-label"
          >
            {context.range.label}
          </span>
        }
      />
      {context.hasEvents ? (
        <div className="space-y-6">{children}</div>
      ) : (
        <FirstEventPanel origin={context.origin} canCreateKeys={context.canCreateKeys} />
      )}
    </div>
  );
}
