import type { Database } from "@/lib/db/client";
import { priceEvents } from "@/lib/pricing/price-events";
import type { UsageEvent } from "./event-schema";
import { MAX_EVENTS_PER_REQUEST } from "./ingest-limits";
import { insertEvents } from "./insert-events";
import type { Rejection } from "./reject-codes";
import { UnparseableItem } from "./unparseable-item";
import { validateEvent } from "./validate-event";

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
 * in force at its timestamp, and stores the valid ones with one set-based insert per chunk of 5,000
 * (one statement for any API request, whose batches are capped at that size). Idempotent on
 * (workspace, id, timestamp). When this resolves, the rows are committed. Used by the REST and OTLP
 * routes, the demo seeder and tests.
 */
export async function ingestEvents(
  db: Database,
  workspaceId: number,
  items: unknown[],
  opts: { now?: number } = {},
): Promise<IngestResult> {
  const now = opts.now ?? Date.now();
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
      const v = validateEvent(item, now);
      if (v.ok) valid.push(v.event);
      else result.rejected.push({ index, code: v.code, message: v.message });
    }
    if (valid.length === 0) continue;
    const costs = await priceEvents(
      db,
      workspaceId,
      valid.map((e) => ({
        provider: e.provider,
        model: e.model,
        timestamp: e.timestamp,
        usage: e.usage,
        workloadClass: e.workloadClass ?? undefined,
        region: e.region ?? undefined,
        reportedCostUsd: e.costUsd ?? undefined,
      })),
    );
    const inserted = await insertEvents(db.sql, workspaceId, valid, costs);
    result.accepted += inserted;
    result.duplicates += valid.length - inserted;
  }
  return result;
}
