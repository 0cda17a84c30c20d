import type { ReactNode } from "react";

export function StatCard({ label, value, hint, title }: { label: string; value: ReactNode; hint?: ReactNode; title?: string }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-2 truncate text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums dark:text-zinc-50" title={title}>
        {value}
      </dd>
      {hint ? <dd className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{hint}</dd> : null}
    </div>
  );
}

export function StatGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <dl aria-label={label} className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {children}
    </dl>
  );
}
