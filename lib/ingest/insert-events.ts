import type { Sql, SqlExecutor } from "@/lib/db/sql";
import { CopyBuffer } from "./copy-buffer";
import type { UsageEvent } from "./event-schema";

/** The cost fixed at ingest by the pricing engine, aligned by index with the events. */
export type EventCost = { priced: boolean; listCostUsd: string; effectiveCostUsd: string };

type Value = string | number | boolean | null;
type Column = { name: string; type: string; value: (e: UsageEvent, c: EventCost) => Value };

/**
 * The usage_events columns written by ingestion, with their Postgres types. SQL identifiers come only
 * from this table, never from input. received_at keeps its column default. writeCopyRow() below writes
 * the same columns in the same order (insert-events.test.ts holds them together).
 */
export const COLUMNS: readonly Column[] = [
  { name: "ts", type: "timestamptz", value: (e) => e.timestamp.toISOString() },
  { name: "event_id", type: "text", value: (e) => e.id },
  { name: "provider", type: "text", value: (e) => e.provider },
  { name: "model", type: "text", value: (e) => e.model },
  { name: "region", type: "text", value: (e) => e.region },
  { name: "tenant", type: "text", value: (e) => e.tenant },
  { name: "feature", type: "text", value: (e) => e.feature },
  { name: "route", type: "text", value: (e) => e.route },
  { name: "workload_class", type: "text", value: (e) => e.workloadClass },
  { name: "task_id", type: "text", value: (e) => e.taskId },
  { name: "attempt", type: "int4", value: (e) => e.attempt },
  { name: "fallback_from", type: "text", value: (e) => e.fallbackFrom },
  { name: "status", type: "text", value: (e) => e.status },
  { name: "error_type", type: "text", value: (e) => e.errorType },
  { name: "http_status", type: "int2", value: (e) => e.httpStatus },
  { name: "input_tokens", type: "int4", value: (e) => e.usage.inputTokens },
  { name: "output_tokens", type: "int4", value: (e) => e.usage.outputTokens },
  { name: "cache_read_tokens", type: "int4", value: (e) => e.usage.cacheReadTokens },
  { name: "cache_write_tokens", type: "int4", value: (e) => e.usage.cacheWriteTokens },
  { name: "cache_write_1h_tokens", type: "int4", value: (e) => e.usage.cacheWrite1hTokens },
  { name: "reasoning_tokens", type: "int4", value: (e) => e.usage.reasoningTokens },
  { name: "latency_ms", type: "int4", value: (e) => e.latencyMs },
  { name: "ttft_ms", type: "int4", value: (e) => e.ttftMs },
  { name: "queue_ms", type: "int4", value: (e) => e.queueMs },
  { name: "reported_cost_usd", type: "numeric", value: (e) => e.costUsd },
  { name: "list_cost_usd", type: "numeric", value: (_, c) => c.listCostUsd },
  { name: "effective_cost_usd", type: "numeric", value: (_, c) => c.effectiveCostUsd },
  { name: "priced", type: "bool", value: (_, c) => c.priced },
  { name: "metadata", type: "jsonb", value: (e) => e.metadataJson },
];

const COLUMN_LIST = `"workspace_id", ${COLUMNS.map((c) => `"${c.name}"`).join(", ")}`;
const COPY_SQL = `COPY "usage_events" (${COLUMN_LIST}) FROM STDIN WITH (FORMAT csv)`;
// The fallback: every column travels as one array literal and unnest() zips them back into rows.
// ON CONFLICT DO NOTHING on the primary key (workspace, event id, ts) skips events already stored.
const INSERT_SQL = `WITH inserted AS (
  INSERT INTO "usage_events" (${COLUMN_LIST})
  SELECT $1::int, * FROM unnest(${COLUMNS.map((c, i) => `$${i + 2}::text::${c.type}[]`).join(", ")})
  ON CONFLICT DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS inserted FROM inserted`;
const UNIQUE_VIOLATION = "23505";

/** Runs inside the storing transaction after the rows are written (n > 0): the rollups' dirty marks. */
export type AfterInsert = (tx: SqlExecutor, inserted: number) => Promise<void>;

/**
 * Stores the events in one transaction of its own, together with `afterInsert`, and returns how many
 * were new; when it resolves, everything is committed. Repeats inside the batch are dropped first.
 *
 * The batch goes in with one COPY — the write path Postgres makes cheapest, half the server CPU per row
 * of INSERT … ON CONFLICT — because a batch is almost always new. When some event is already stored (a
 * client replaying after a timeout) the COPY fails on the primary key, that transaction rolls back
 * whole, and a second one writes the batch with INSERT … SELECT unnest(…) ON CONFLICT DO NOTHING,
 * which skips exactly the stored ones. (No savepoint around the COPY: two round trips per batch saved
 * on the common path, paid back only by replays.)
 */
export async function storeEvents(
  sql: Sql,
  workspaceId: number,
  events: readonly UsageEvent[],
  costs: readonly EventCost[],
  afterInsert: AfterInsert,
): Promise<number> {
  if (costs.length !== events.length) throw new Error(`${costs.length} costs for ${events.length} events`);
  const unique = uniqueIndexes(events);
  if (unique.length === 0) return 0;
  try {
    const data = copyData(workspaceId, events, costs, unique);
    return await sql.transaction(async (tx) => {
      const copied = await tx.copyFrom(COPY_SQL, data);
      if (copied > 0) await afterInsert(tx, copied);
      return copied;
    });
  } catch (err) {
    if ((err as { code?: unknown }).code !== UNIQUE_VIOLATION) throw err;
  }
  return sql.transaction(async (tx) => {
    const params: unknown[] = [workspaceId];
    for (const col of COLUMNS) params.push(arrayLiteral(events, costs, unique, col));
    const rows = await tx.query<{ inserted: number }>(INSERT_SQL, params);
    const inserted = rows[0]?.inserted ?? 0;
    if (inserted > 0) await afterInsert(tx, inserted);
    return inserted;
  });
}

/** Indexes of the first occurrence of each (id, timestamp): the idempotency key within a workspace. */
function uniqueIndexes(events: readonly UsageEvent[]): number[] {
  // Keyed by id alone (no key string built per event): an id normally occurs once per batch.
  const seen = new Map<string, number | number[]>();
  const out: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const t = e.timestamp.getTime();
    const prior = seen.get(e.id);
    if (prior === undefined) seen.set(e.id, t);
    else if (typeof prior === "number") {
      if (prior === t) continue;
      seen.set(e.id, [prior, t]);
    } else {
      if (prior.includes(t)) continue;
      prior.push(t);
    }
    out.push(i);
  }
  return out;
}

/**
 * One COPY row: the columns of COLUMN_LIST in order (insert-events.test.ts checks them against COLUMNS).
 * Written out field by field into bytes (copy-buffer.ts) rather than through COLUMNS' closures and
 * strings: building text was a sixth of the app's CPU per event. NUL never reaches here (validation).
 */
export function writeCopyRow(out: CopyBuffer, workspaceId: number, e: UsageEvent, c: EventCost): void {
  const u = e.usage;
  out.int(workspaceId);
  out.comma();
  out.timestamp(e.timestamp.getTime());
  out.comma();
  out.text(e.id);
  out.comma();
  out.text(e.provider);
  out.comma();
  out.text(e.model);
  out.comma();
  out.optText(e.region);
  out.comma();
  out.optText(e.tenant);
  out.comma();
  out.optText(e.feature);
  out.comma();
  out.optText(e.route);
  out.comma();
  out.optText(e.workloadClass);
  out.comma();
  out.text(e.taskId);
  out.comma();
  out.int(e.attempt);
  out.comma();
  out.optText(e.fallbackFrom);
  out.comma();
  out.text(e.status);
  out.comma();
  out.optText(e.errorType);
  out.comma();
  out.optInt(e.httpStatus);
  out.comma();
  out.int(u.inputTokens);
  out.comma();
  out.int(u.outputTokens);
  out.comma();
  out.int(u.cacheReadTokens);
  out.comma();
  out.int(u.cacheWriteTokens);
  out.comma();
  out.int(u.cacheWrite1hTokens);
  out.comma();
  out.int(u.reasoningTokens);
  out.comma();
  out.int(e.latencyMs);
  out.comma();
  out.optInt(e.ttftMs);
  out.comma();
  out.optInt(e.queueMs);
  out.comma();
  if (e.costUsd !== null) out.raw(e.costUsd);
  out.comma();
  out.raw(c.listCostUsd);
  out.comma();
  out.raw(c.effectiveCostUsd);
  out.comma();
  out.raw(c.priced ? "t" : "f");
  out.comma();
  out.optText(e.metadataJson);
  out.newline();
}

/** Typical row size; the buffer grows when rows carry large metadata. */
const ROW_BYTES_GUESS = 320;

function copyData(workspaceId: number, events: readonly UsageEvent[], costs: readonly EventCost[], rows: readonly number[]): Buffer<ArrayBuffer> {
  const out = new CopyBuffer(rows.length * ROW_BYTES_GUESS);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    writeCopyRow(out, workspaceId, events[i]!, costs[i]!);
  }
  return out.bytes();
}

const ARRAY_ESCAPE = /["\\]/;
const ARRAY_ESCAPED = /["\\]/g;

/**
 * One column as a Postgres array literal ('{"a","b",NULL}'), sent as a text parameter and cast by the
 * server (`$n::text::type[]`, which pg and PGlite pass through untouched); a third of the cost of
 * node-pg's generic array serialiser. Every element is quoted; backslashes and quotes are escaped.
 */
function arrayLiteral(events: readonly UsageEvent[], costs: readonly EventCost[], rows: readonly number[], col: Column): string {
  const parts = new Array<string>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const v = col.value(events[i]!, costs[i]!);
    if (v === null) parts[r] = "NULL";
    else if (typeof v === "number") parts[r] = String(v);
    else if (typeof v === "boolean") parts[r] = v ? "t" : "f";
    else parts[r] = ARRAY_ESCAPE.test(v) ? `"${v.replace(ARRAY_ESCAPED, "\\$&")}"` : `"${v}"`;
  }
  return `{${parts.join(",")}}`;
}
