import type { RepricingRunView } from "@/lib/pricing/list-repricing-runs";
import { cell, day, head, usd, utc } from "./format";

const STATUS_STYLE: Record<string, string> = {
  queued: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  running: "bg-sky-100 text-sky-800 dark:bg-sky-900/40 dark:text-sky-200",
  succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200",
};

/** Re-pricing runs: progress while they run, and the audit record (who, what, window, touched, old → new). */
export function RepricingRunsTable({ runs }: { runs: RepricingRunView[] }) {
  if (runs.length === 0) return <p className="px-4 py-4 text-sm text-zinc-600 dark:text-zinc-400">No re-pricing yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="repricing-runs">
        <thead>
          <tr>
            <th scope="col" className={head}>
              Run
            </th>
            <th scope="col" className={head}>
              What
            </th>
            <th scope="col" className={head}>
              Window
            </th>
            <th scope="col" className={head}>
              Progress
            </th>
            <th scope="col" className={`${head} text-right`}>
              Events changed
            </th>
            <th scope="col" className={`${head} text-right`}>
              Effective total
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {runs.map((r) => (
            <tr key={r.id}>
              <td className={cell}>
                <div className="font-medium">#{r.id}</div>
                <span className={`mt-1 inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[r.status] ?? ""}`}>
                  {r.status}
                </span>
              </td>
              <td className={cell}>
                <div>{r.reason}</div>
                <div className="text-xs text-zinc-500">
                  {r.requestedBy ?? "system"} · {utc(r.createdAt)}
                </div>
                {r.error ? <div className="text-xs text-red-700 dark:text-red-300">{r.error}</div> : null}
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                {day(r.window.from)} → {day(r.window.to)}
              </td>
              <td className={cell}>
                <div
                  className="h-2 w-32 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
                  role="progressbar"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={r.progress.percent}
                  aria-label={`Run ${r.id} progress`}
                >
                  <div className="h-full bg-sky-600" style={{ width: `${r.progress.percent}%` }} />
                </div>
                <div className="mt-1 text-xs text-zinc-500 tabular-nums">
                  {r.progress.scanned.toLocaleString("en-US")} /{" "}
                  {r.progress.total === null ? "?" : r.progress.total.toLocaleString("en-US")} events
                </div>
              </td>
              <td className={`${cell} text-right tabular-nums`}>{r.eventsTouched.toLocaleString("en-US")}</td>
              <td className={`${cell} text-right whitespace-nowrap tabular-nums`}>
                {usd(r.effectiveTotal.old)} → {usd(r.effectiveTotal.new)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
