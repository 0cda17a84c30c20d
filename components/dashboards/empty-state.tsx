import type { ReactNode } from "react";

/** Inside a card: nothing matched. Says what to do about it rather than showing an empty chart. */
export function EmptyState({
  title = "No data for this view",
  children,
  testId,
}: {
  title?: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      className="flex flex-col items-center justify-center rounded-lg border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700"
    >
      <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{title}</p>
      <p className="mt-1 max-w-md text-sm text-zinc-500 dark:text-zinc-400">
        {children ?? "Nothing was recorded in this range with these filters. Widen the date range or clear a filter."}
      </p>
    </div>
  );
}
