import type { Database } from "@/lib/db/client";
import { loadPricing } from "@/lib/pricing/load-pricing";
import { noteEventsChanged } from "@/lib/rollups/note-events-changed";
import { storeCopyData } from "./insert-events";
import { prepareBatch, type PreparedBatch } from "./prepare-batch";
import type { Rejection } from "./reject-codes";
import { currentTimeWindow } from "./validate-event";

export type IngestResult = {
  /** Events newly stored. */
  accepted: number;
  /** Valid events already stored earlier, or repeated within this batch (same id + timestamp). */
  duplicates: number;
  /** Invalid items, by their index in `items`; nothing of them was stored. */
  rejected: Rejection[];
};

/**
 * Stores a prepared batch (prepare-batch.ts) with one COPY per chunk of 5,000 (an API request is one
 * chunk), each in one transaction with the rollups' dirty marks: a mark can never be lost, nor seen
 * before its rows. Idempotent on (workspace, id, timestamp). When this resolves, the rows are committed.
 */
export async function storePrepared(db: Database, workspaceId: number, batch: PreparedBatch): Promise<IngestResult> {
  const result: IngestResult = { accepted: 0, duplicates: 0, rejected: batch.rejected };
  for (const chunk of batch.chunks) {
    const inserted = await storeCopyData(db.sql, chunk.data, (tx) => noteEventsChanged(tx, workspaceId, { timestamps: chunk.hours }));
    result.accepted += inserted;
    result.duplicates += chunk.valid - inserted;
  }
  return result;
}

/**
 * Validates each item against the event contract, normalises its usage, prices it with the price rows
 * in force at its timestamp, and stores the valid ones; invalid items are reported by index. Used by
 * the OTLP route, the demo seeder and tests (the REST route runs the same two steps itself, reading
 * the prices while the body arrives).
 */
export async function ingestEvents(
  db: Database,
  workspaceId: number,
  items: unknown[],
  opts: { now?: number } = {},
): Promise<IngestResult> {
  const window = currentTimeWindow(opts.now);
  const pricing = await loadPricing(db, workspaceId);
  return storePrepared(db, workspaceId, prepareBatch(items, workspaceId, pricing, window));
}
