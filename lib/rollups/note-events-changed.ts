import type { SqlExecutor } from "@/lib/db/sql";
import { hoursOverlapping, truncUtc } from "./grains";
import { enqueueRollupRefresh } from "./rollup-jobs";

/** Which stored events changed: their timestamps (ingestion), or a time window (re-pricing). */
export type EventsChange = { timestamps: Iterable<Date | string | number> } | { from: Date; to: Date };

/** A window longer than this is refused: a bug, not a re-pricing (usage partitions cover ~13 months). */
const MAX_WINDOW_HOURS = 5 * 366 * 24;

/**
 * THE hook for everything that writes usage_events: marks the UTC hours holding the changed events as
 * dirty and enqueues the workspace's rollup refresh. Call it with the executor of the transaction that
 * changed the events (or right after that commit): a mark committed with the events can never be lost,
 * and a mark written before the change could be consumed before the change is visible.
 *
 * - Ingestion: after a successful insert, `{ timestamps }` of the events of the batch (duplicates are
 *   harmless: an extra refresh of an hour that did not change).
 * - Re-pricing: `{ from, to }` of the window whose costs were rewritten.
 *
 * Late events simply mark old hours: those hours, then their days, weeks and months, are recomputed.
 * Until the worker has done so, the metrics query reads finer rows or raw events for them, so results
 * are exact immediately. Two short statements, no lock held on any shared row (marks are appended).
 */
export async function noteEventsChanged(exec: SqlExecutor, workspaceId: number, change: EventsChange): Promise<void> {
  let hours: number[];
  if ("timestamps" in change) {
    const set = new Set<number>();
    for (const t of change.timestamps) {
      const ms = t instanceof Date ? t.getTime() : typeof t === "number" ? t : Date.parse(t);
      if (!Number.isFinite(ms)) throw new RangeError(`noteEventsChanged: invalid timestamp ${String(t)}`);
      set.add(truncUtc("hour", ms));
    }
    hours = [...set];
  } else {
    const from = change.from.getTime();
    const to = change.to.getTime();
    if (!(from < to)) throw new RangeError("noteEventsChanged: the window must have from < to");
    if ((to - from) / 3_600_000 > MAX_WINDOW_HOURS) throw new RangeError("noteEventsChanged: the window exceeds 5 years");
    hours = hoursOverlapping(from, to);
  }
  if (hours.length === 0) return;
  await exec.query(`INSERT INTO "rollup_dirty" (workspace_id, grain, bucket) SELECT $1, 'hour', unnest($2::timestamptz[])`, [
    workspaceId,
    hours.map((h) => new Date(h).toISOString()),
  ]);
  await enqueueRollupRefresh(exec, workspaceId);
}
