import { costEventLean } from "@/lib/pricing/cost-event-lean";
import type { loadPricing } from "@/lib/pricing/load-pricing";
import { canonicalEvent } from "./canonical-event";
import { CopyBuffer } from "./copy-buffer";
import { MAX_EVENTS_PER_REQUEST } from "./ingest-limits";
import { writeCopyRow } from "./insert-events";
import type { Rejection } from "./reject-codes";
import { UnparseableItem } from "./unparseable-item";
import { checkEvent, type TimeWindow } from "./validate-event";

/** The price catalog and contract terms of the workspace (loadPricing's answer). */
export type Pricing = Awaited<ReturnType<typeof loadPricing>>;

/** Up to 5,000 valid events as COPY rows (repeats of an (id, timestamp) dropped), ready to store. */
export type PreparedChunk = {
  /** Valid events of the chunk, repeats included (a repeat counts as a duplicate). */
  valid: number;
  data: Buffer<ArrayBuffer>;
  /** Start (ms) of every UTC hour holding a row: the rollups' dirty marks. */
  hours: number[];
};

export type PreparedBatch = { items: number; rejected: Rejection[]; chunks: PreparedChunk[] };

/** Typical bytes per COPY row; the buffer grows when rows carry large metadata. */
const ROW_BYTES_GUESS = 360;
const HOUR_MS = 3_600_000;

/**
 * One synchronous pass over a batch: each item is validated (and its usage normalised), its vendor and
 * model family made canonical (canonical-event.ts), priced with the prices in force at its timestamp,
 * and written as a COPY row; invalid items are kept as
 * rejections by index. Only bytes leave this function, so every per-event object it makes is garbage
 * before the first database round trip: the collector never copies a batch held while it is stored
 * (that copying was a tenth of the app's CPU). Deterministic for a given window and pricing.
 */
export function prepareBatch(items: readonly unknown[], workspaceId: number, pricing: Pricing, window: TimeWindow): PreparedBatch {
  const batch: PreparedBatch = { items: items.length, rejected: [], chunks: [] };
  const { index } = pricing.catalog;
  const { terms } = pricing;
  for (let start = 0; start < items.length; start += MAX_EVENTS_PER_REQUEST) {
    const end = Math.min(items.length, start + MAX_EVENTS_PER_REQUEST);
    const out = new CopyBuffer((end - start) * ROW_BYTES_GUESS);
    // The idempotency key within the batch is (id, timestamp); keyed by id alone, as an id normally occurs once.
    const seen = new Map<string, number | number[]>();
    const hours = new Set<number>();
    let valid = 0;
    for (let i = start; i < end; i++) {
      const item = items[i];
      if (item instanceof UnparseableItem) {
        batch.rejected.push({ index: i, code: "invalid_json", message: item.message });
        continue;
      }
      const v = checkEvent(item, window);
      if (!v.ok) {
        batch.rejected.push({ index: i, code: v.code, message: v.message });
        continue;
      }
      valid++;
      const t = v.event.timestampMs;
      if (repeated(seen, v.event.id, t)) continue;
      const e = canonicalEvent(index, v.event);
      writeCopyRow(out, workspaceId, e, costEventLean(index, terms, e));
      hours.add(t - (((t % HOUR_MS) + HOUR_MS) % HOUR_MS));
    }
    if (valid > 0) batch.chunks.push({ valid, data: out.finish(), hours: [...hours] });
  }
  return batch;
}

/** Records (id, t) and says whether it was seen before. */
function repeated(seen: Map<string, number | number[]>, id: string, t: number): boolean {
  const prior = seen.get(id);
  if (prior === undefined) {
    seen.set(id, t);
    return false;
  }
  if (typeof prior === "number") {
    if (prior === t) return true;
    seen.set(id, [prior, t]);
    return false;
  }
  if (prior.includes(t)) return true;
  prior.push(t);
  return false;
}
