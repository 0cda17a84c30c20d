import type { PriceRowView } from "@/lib/pricing/price-row-view";
import type { ModelInUse } from "@/lib/pricing/list-models-in-use";
import { cell, day, head } from "./format";

const CLASSES = [
  ["input", "Input"],
  ["cacheRead", "Cache read"],
  ["cacheWrite", "Cache write 5m"],
  ["cacheWrite1h", "Cache write 1h"],
  ["output", "Output"],
  ["reasoning", "Reasoning"],
] as const;

function price(row: PriceRowView | null, key: (typeof CLASSES)[number][0]) {
  const v = row?.perMillionTokens[key];
  return v === undefined ? <span className="text-zinc-400">—</span> : `$${v}`;
}

/** The catalog row pricing each model the workspace uses, per million tokens. */
export function PriceRowsTable({ models }: { models: ModelInUse[] }) {
  if (models.length === 0) return <p className="px-4 py-4 text-sm text-zinc-600 dark:text-zinc-400">No events in the last 30 days.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-zinc-200 dark:divide-zinc-800">
        <thead>
          <tr>
            <th scope="col" className={head}>
              Model (as sent)
            </th>
            <th scope="col" className={head}>
              Catalog entry
            </th>
            {CLASSES.map(([k, label]) => (
              <th key={k} scope="col" className={head}>
                {label}
              </th>
            ))}
            <th scope="col" className={head}>
              Tiers
            </th>
            <th scope="col" className={head}>
              In force
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {models.map((m) => (
            <tr key={`${m.provider}/${m.model}`}>
              <td className={cell}>
                <div className="font-medium text-zinc-900 dark:text-zinc-100">{m.model}</div>
                <div className="text-xs text-zinc-500">
                  {m.provider} · {m.events.toLocaleString("en-US")} events
                </div>
              </td>
              <td className={cell}>
                {m.resolved ? (
                  <>
                    {m.resolved.catalogProvider}/{m.resolved.catalogModel}
                    {m.resolved.via !== "name" ? <div className="text-xs text-zinc-500">via {m.resolved.via}</div> : null}
                  </>
                ) : (
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800 dark:bg-amber-900/40 dark:text-amber-200">
                    unknown
                  </span>
                )}
              </td>
              {CLASSES.map(([k]) => (
                <td key={k} className={`${cell} tabular-nums`}>
                  {price(m.row, k)}
                </td>
              ))}
              <td className={cell}>
                {m.row?.tiers.length
                  ? m.row.tiers.map((t) => (
                      <div key={t.aboveInputTokens} className="text-xs">
                        &gt;{t.aboveInputTokens.toLocaleString("en-US")}: in ${t.prices.input ?? "—"} / out ${t.prices.output ?? "—"}
                      </div>
                    ))
                  : "—"}
              </td>
              <td className={`${cell} whitespace-nowrap text-xs`}>
                {m.row
                  ? `${day(m.row.effectiveFrom) === "1970-01-01" ? "always" : `from ${day(m.row.effectiveFrom)}`}${m.row.effectiveTo ? ` to ${day(m.row.effectiveTo)}` : ""}${m.row.utcWindow ? ` (${m.row.utcWindow.from}–${m.row.utcWindow.to} UTC)` : ""}`
                  : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
