import type { ReactNode } from "react";
import type { Kpi } from "@/lib/dashboards/prepare-kpis";
import { formatChange, formatValue, formatValueExact } from "@/lib/dashboards/measure-display";

const TREND_CLASS = {
  good: "bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-900",
  bad: "bg-red-50 text-red-700 ring-red-200 dark:bg-red-950 dark:text-red-300 dark:ring-red-900",
  neutral: "bg-zinc-100 text-zinc-600 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
} as const;

/**
 * Headline numbers: the value (exact one in the tooltip and in `data-value`, so tests compare it with the
 * API), its change vs the previous period coloured by whether that is good news, and the previous value.
 */
export function KpiGrid({ kpis, label, extra, columns = 3 }: { kpis: Kpi[]; label: string; extra?: ReactNode; columns?: 3 | 4 }) {
  return (
    <dl aria-label={label} className={`grid grid-cols-1 gap-4 sm:grid-cols-2 ${columns === 4 ? "xl:grid-cols-4" : "xl:grid-cols-3"}`}>
      {kpis.map((k) => (
        <KpiTile key={k.id} kpi={k} />
      ))}
      {extra}
    </dl>
  );
}

export function KpiTile({ kpi }: { kpi: Kpi }) {
  const changeText = formatChange(kpi.change, kpi.previous === "0" || kpi.previous === null);
  return (
    <div
      className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
      data-testid={`kpi-${kpi.id}`}
    >
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{kpi.label}</dt>
      <dd className="mt-2 flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span
          className="text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums dark:text-zinc-50"
          title={formatValueExact(kpi.format, kpi.value)}
          data-testid={`kpi-${kpi.id}-value`}
          data-value={kpi.value ?? ""}
        >
          {formatValue(kpi.format, kpi.value)}
        </span>
        {kpi.value !== null ? (
          <span
            className={`rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TREND_CLASS[kpi.trend]}`}
            title="Change against the previous period of the same length"
          >
            {changeText}
          </span>
        ) : null}
      </dd>
      <dd className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        {kpi.value === null ? (
          "No data in this range"
        ) : (
          <>
            Previous period: <span title={formatValueExact(kpi.format, kpi.previous)}>{formatValue(kpi.format, kpi.previous)}</span>
          </>
        )}
      </dd>
    </div>
  );
}

/** A tile for a number that has no "previous period" (e.g. the month-end projection). */
export function PlainTile({
  id,
  label,
  value,
  exact,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  exact?: string;
  hint?: ReactNode;
}) {
  return (
    <div
      className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
      data-testid={`kpi-${id}`}
    >
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd
        className="mt-2 text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums dark:text-zinc-50"
        title={exact}
        data-testid={`kpi-${id}-value`}
        data-value={exact ?? ""}
      >
        {value}
      </dd>
      {hint ? <dd className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{hint}</dd> : null}
    </div>
  );
}
