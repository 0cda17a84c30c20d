import type { Database } from "@/lib/db/client";
import { priceEventsLean } from "@/lib/pricing/price-events-lean";
import { noteEventsChanged } from "@/lib/rollups/note-events-changed";
import type { UsageEvent } from "./event-schema";
import { MAX_EVENTS_PER_REQUEST } from "./ingest-limits";
import { storeEvents } from "./insert-events";
import type { Rejection } from "./reject-codes";
import { UnparseableItem } from "./unparseable-item";
import { currentTimeWindow, validateEvent } from "./validate-event";

export type IngestResult = {
  /** Events newly stored. */
  accepted: number;
  /** Valid events already stored earlier, or repeated within this batch (same id + timestamp). */
  duplicates: number;
  /** Invalid items, by their index in `items`; nothing of them was stored. */
  rejected: Rejection[];
};

/**
 * Validates each item against the event contract, normalises its usage, prices it with the price rows
 * in force at its timestamp, and stores the valid ones with one set-based write per chunk of 5,000
 * (see insert-events.ts; an API request is one chunk) in one transaction with the rollups' dirty marks.
 * Idempotent on (workspace, id, timestamp). When this resolves, the rows are committed. Used by the
 * REST and OTLP routes, the demo seeder and tests.
 */
export async function ingestEvents(
  db: Database,
  workspaceId: number,
  items: unknown[],
  opts: { now?: number } = {},
): Promise<IngestResult> {
  const window = currentTimeWindow(opts.now);
  const result: IngestResult = { accepted: 0, duplicates: 0, rejected: [] };
  for (let start = 0; start < items.length; start += MAX_EVENTS_PER_REQUEST) {
    const valid: UsageEvent[] = [];
    const end = Math.min(items.length, start + MAX_EVENTS_PER_REQUEST);
    for (let index = start; index < end; index++) {
      const item = items[index];
      if (item instanceof UnparseableItem) {
        result.rejected.push({ index, code: "invalid_json", message: item.message });
        continue;
      }
      const v = validateEvent(item, window);
      if (v.ok) valid.push(v.event);
      else result.rejected.push({ index, code: v.code, message: v.message });
    }
    if (valid.length === 0) continue;
    // The lean variant: the same costs as priceEvents, without the per-event breakdown nobody stores.
    const costs = await priceEventsLean(db, workspaceId, valid);
    // The rows and their rollup marks commit together: a mark can never be lost, nor seen before the rows.
    const inserted = await storeEvents(db.sql, workspaceId, valid, costs, (tx) =>
      noteEventsChanged(tx, workspaceId, { timestamps: distinctHours(valid) }),
    );
    result.accepted += inserted;
    result.duplicates += valid.length - inserted;
  }
  return result;
}

const HOUR_MS = 3_600_000;

/** The UTC hours the events fall in, each once: what the rollup marks need, without a Date per event. */
function distinctHours(events: readonly UsageEvent[]): number[] {
  const hours = new Set<number>();
  for (const e of events) {
    const t = e.timestamp.getTime();
    hours.add(t - (((t % HOUR_MS) + HOUR_MS) % HOUR_MS));
  }
  return [...hours];
}
