import type { SqlExecutor } from "@/lib/db/sql";
import type { UsageEvent } from "./event-schema";

/** The cost fixed at ingest by the pricing engine, aligned by index with the events. */
export type EventCost = { priced: boolean; listCostUsd: string; effectiveCostUsd: string };

type Value = string | number | boolean | null;
type Column = { name: string; type: string; value: (e: UsageEvent, c: EventCost) => Value };

/**
 * The usage_events columns written by ingestion, with their Postgres types. SQL identifiers come only
 * from this table, never from input. received_at keeps its column default.
 */
const COLUMNS: readonly Column[] = [
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

/**
 * Stores the events (MUST run inside `sql.transaction`; the caller commits) and returns how many were
 * new. Repeats inside the batch are dropped first. The batch then goes in with one COPY — the write
 * path Postgres makes cheapest, half the server CPU per row of INSERT … ON CONFLICT here — because a
 * batch is almost always new. When some event is already stored (a client replaying after a timeout),
 * the COPY fails on the primary key, is rolled back to a savepoint, and the batch is written with one
 * INSERT … SELECT unnest(…) ON CONFLICT DO NOTHING instead, which skips exactly the stored ones.
 */
export async function insertEvents(
  tx: SqlExecutor,
  workspaceId: number,
  events: readonly UsageEvent[],
  costs: readonly EventCost[],
): Promise<number> {
  if (costs.length !== events.length) throw new Error(`${costs.length} costs for ${events.length} events`);
  const unique = uniqueIndexes(events);
  if (unique.length === 0) return 0;
  await tx.exec("SAVEPOINT ingest_copy");
  try {
    const copied = await tx.copyFrom(COPY_SQL, csvRows(workspaceId, events, costs, unique));
    await tx.exec("RELEASE SAVEPOINT ingest_copy");
    return copied;
  } catch (err) {
    if ((err as { code?: unknown }).code !== UNIQUE_VIOLATION) throw err;
    await tx.exec("ROLLBACK TO SAVEPOINT ingest_copy");
  }
  const params: unknown[] = [workspaceId];
  for (const col of COLUMNS) params.push(arrayLiteral(events, costs, unique, col));
  const rows = await tx.query<{ inserted: number }>(INSERT_SQL, params);
  return rows[0]?.inserted ?? 0;
}

/** Indexes of the first occurrence of each (id, timestamp): the idempotency key within a workspace. */
function uniqueIndexes(events: readonly UsageEvent[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const key = `${e.timestamp.getTime()}\u0000${e.id}`; // NUL cannot occur in a valid id
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
  }
  return out;
}

const CSV_QUOTE = /"/g;

/**
 * CSV for COPY: NULL is an empty unquoted field; every string is quoted (so commas, newlines, a lone
 * `\.` and empty strings need no special care) with inner quotes doubled. NUL never reaches here.
 */
function csvRows(workspaceId: number, events: readonly UsageEvent[], costs: readonly EventCost[], rows: readonly number[]): string {
  const lines = new Array<string>(rows.length);
  // One reused field array per row, joined once: half the CPU of appending field by field.
  const fields = new Array<string>(COLUMNS.length + 1);
  fields[0] = String(workspaceId);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    for (let c = 0; c < COLUMNS.length; c++) {
      const v = COLUMNS[c]!.value(events[i]!, costs[i]!);
      fields[c + 1] =
        v === null ? "" : typeof v === "number" ? String(v) : typeof v === "boolean" ? (v ? "t" : "f") : v.includes('"') ? `"${v.replace(CSV_QUOTE, '""')}"` : `"${v}"`;
    }
    lines[r] = fields.join(",");
  }
  return lines.join("\n") + "\n";
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
