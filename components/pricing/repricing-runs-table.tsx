import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, Td, Tr } from "@/components/ui/table";
import { formatCount, formatDate, formatDateTime, formatUsdExact } from "@/lib/format/format";
import type { RepricingRunView } from "@/lib/pricing/list-repricing-runs";

const STATUS_TONE: Record<string, BadgeTone> = { queued: "neutral", running: "brand", succeeded: "success", failed: "danger" };

/** Re-pricing runs: progress while they run, and the audit record (who, what, window, touched, old → new). */
export function RepricingRunsTable({ runs }: { runs: RepricingRunView[] }) {
  return (
    <Table
      caption="Re-pricing runs"
      testId="repricing-runs"
      empty="No re-pricing yet."
      columns={[
        { label: "Run" },
        { label: "What" },
        { label: "Window" },
        { label: "Progress" },
        { label: "Events changed", align: "right" },
        { label: "Effective total", align: "right" },
      ]}
    >
      {runs.map((r) => (
        <Tr key={r.id}>
          <Td>
            <div className="font-medium">#{r.id}</div>
            <div className="mt-1">
              <Badge tone={STATUS_TONE[r.status] ?? "neutral"}>{r.status}</Badge>
            </div>
          </Td>
          <Td>
            <div>{r.reason}</div>
            <div className="text-xs text-zinc-500 dark:text-zinc-400">
              {r.requestedBy ?? "system"} · {formatDateTime(r.createdAt)}
            </div>
            {r.error ? <div className="text-xs text-red-700 dark:text-red-300">{r.error}</div> : null}
          </Td>
          <Td className="whitespace-nowrap">
            {formatDate(r.window.from)} → {formatDate(r.window.to)}
          </Td>
          <Td>
            <div
              className="h-2 w-32 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={r.progress.percent}
              aria-label={`Run ${r.id} progress`}
            >
              <div className="h-full bg-brand-600 dark:bg-brand-400" style={{ width: `${r.progress.percent}%` }} />
            </div>
            <div className="mt-1 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
              {formatCount(r.progress.scanned)} / {r.progress.total === null ? "?" : formatCount(r.progress.total)} events
            </div>
          </Td>
          <Td align="right">{formatCount(r.eventsTouched)}</Td>
          <Td align="right" className="whitespace-nowrap">
            {formatUsdExact(r.effectiveTotal.old)} → {formatUsdExact(r.effectiveTotal.new)}
          </Td>
        </Tr>
      ))}
    </Table>
  );
}
