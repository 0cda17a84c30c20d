import type { Sql, SqlExecutor } from "@/lib/db/sql";
import type { CopyBuffer } from "./copy-buffer";
import type { IngestEvent } from "./event-schema";

/** The cost fixed at ingest by the pricing engine. */
export type EventCost = { priced: boolean; listCostUsd: string; effectiveCostUsd: string };

/**
 * The usage_events columns written by ingestion, in COPY order, with their Postgres types. SQL
 * identifiers come only from this table, never from input. received_at keeps its column default.
 * writeCopyRow() writes exactly these columns in this order (insert-events.test.ts holds them together).
 */
export const COLUMNS = [
  { name: "workspace_id", type: "int4" },
  { name: "ts", type: "timestamptz" },
  { name: "event_id", type: "text" },
  { name: "provider", type: "text" },
  { name: "model", type: "text" },
  { name: "region", type: "text" },
  { name: "tenant", type: "text" },
  { name: "feature", type: "text" },
  { name: "route", type: "text" },
  { name: "workload_class", type: "text" },
  { name: "task_id", type: "text" },
  { name: "attempt", type: "int4" },
  { name: "fallback_from", type: "text" },
  { name: "status", type: "text" },
  { name: "error_type", type: "text" },
  { name: "http_status", type: "int2" },
  { name: "input_tokens", type: "int4" },
  { name: "output_tokens", type: "int4" },
  { name: "cache_read_tokens", type: "int4" },
  { name: "cache_write_tokens", type: "int4" },
  { name: "cache_write_1h_tokens", type: "int4" },
  { name: "reasoning_tokens", type: "int4" },
  { name: "latency_ms", type: "int4" },
  { name: "ttft_ms", type: "int4" },
  { name: "queue_ms", type: "int4" },
  { name: "reported_cost_usd", type: "numeric" },
  { name: "list_cost_usd", type: "numeric" },
  { name: "effective_cost_usd", type: "numeric" },
  { name: "priced", type: "bool" },
  { name: "metadata", type: "jsonb" },
] as const;

const COLUMN_LIST = COLUMNS.map((c) => `"${c.name}"`).join(", ");
const COPY_SQL = `COPY "usage_events" (${COLUMN_LIST}) FROM STDIN WITH (FORMAT binary)`;
// The replay path: the same COPY data into a staging table, then INSERT … ON CONFLICT DO NOTHING on
// the primary key (workspace, event id, ts), which skips exactly the events already stored.
const STAGE_SQL = `CREATE TEMP TABLE "ingest_staging" (${COLUMNS.map((c) => `"${c.name}" ${c.type}`).join(", ")}) ON COMMIT DROP`;
const STAGE_COPY_SQL = `COPY "ingest_staging" (${COLUMN_LIST}) FROM STDIN WITH (FORMAT binary)`;
const MERGE_SQL = `WITH inserted AS (
  INSERT INTO "usage_events" (${COLUMN_LIST})
  SELECT ${COLUMN_LIST} FROM "ingest_staging"
  ON CONFLICT DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS inserted FROM inserted`;
const UNIQUE_VIOLATION = "23505";

/** Runs inside the storing transaction once rows are written (n > 0): the rollups' dirty marks. */
export type AfterInsert = (tx: SqlExecutor, inserted: number) => Promise<void>;

/**
 * Stores COPY rows (written by writeCopyRow, each (id, ts) at most once) in one transaction of its own,
 * together with `afterInsert`, and returns how many rows were new. When it resolves, all is committed.
 *
 * The rows go in with one COPY — the write path Postgres makes cheapest, half the server CPU per row of
 * INSERT … ON CONFLICT — because a batch is almost always new. When some event is already stored (a
 * client replaying after a timeout) the COPY fails on the primary key, that transaction rolls back
 * whole, and a second one stages the same bytes in a temporary table and merges them with
 * INSERT … ON CONFLICT DO NOTHING. Only bytes are kept for that, no event objects: the batch's objects
 * are garbage before the first database round trip (see prepare-batch.ts). No savepoint around the
 * COPY either: two round trips saved per batch, paid back only by replays.
 */
export async function storeCopyData(sql: Sql, data: Uint8Array<ArrayBuffer>, afterInsert: AfterInsert): Promise<number> {
  try {
    return await sql.transaction(async (tx) => {
      const copied = await tx.copyFrom(COPY_SQL, data);
      if (copied > 0) await afterInsert(tx, copied);
      return copied;
    });
  } catch (err) {
    if ((err as { code?: unknown }).code !== UNIQUE_VIOLATION) throw err;
  }
  return sql.transaction(async (tx) => {
    await tx.exec(STAGE_SQL);
    await tx.copyFrom(STAGE_COPY_SQL, data);
    const rows = await tx.query<{ inserted: number }>(MERGE_SQL);
    const inserted = rows[0]?.inserted ?? 0;
    if (inserted > 0) await afterInsert(tx, inserted);
    return inserted;
  });
}

/**
 * One COPY row: the columns of COLUMNS in order, each in its column's binary format (copy-buffer.ts):
 * building rows as strings was a sixth of the app's CPU per event. NUL never reaches here (validation
 * refuses it).
 */
export function writeCopyRow(out: CopyBuffer, workspaceId: number, e: IngestEvent, c: EventCost): void {
  const u = e.usage;
  out.row(COLUMNS.length);
  out.int4(workspaceId);
  out.timestamptz(e.timestampMs);
  out.text(e.id);
  out.text(e.provider);
  out.text(e.model);
  out.optText(e.region);
  out.optText(e.tenant);
  out.optText(e.feature);
  out.optText(e.route);
  out.optText(e.workloadClass);
  out.text(e.taskId);
  out.int4(e.attempt);
  out.optText(e.fallbackFrom);
  out.text(e.status);
  out.optText(e.errorType);
  out.optInt2(e.httpStatus);
  out.int4(u.inputTokens);
  out.int4(u.outputTokens);
  out.int4(u.cacheReadTokens);
  out.int4(u.cacheWriteTokens);
  out.int4(u.cacheWrite1hTokens);
  out.int4(u.reasoningTokens);
  out.int4(e.latencyMs);
  out.optInt4(e.ttftMs);
  out.optInt4(e.queueMs);
  out.optNumeric(e.costUsd);
  out.optNumeric(c.listCostUsd);
  out.optNumeric(c.effectiveCostUsd);
  out.bool(c.priced);
  out.optJsonb(e.metadataJson);
}
