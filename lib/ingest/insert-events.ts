import type { SqlExecutor } from "@/lib/db/sql";
import type { UsageEvent } from "./event-schema";

/** The cost fixed at ingest by the pricing engine, aligned by index with the events. */
export type EventCost = { priced: boolean; listCostUsd: string; effectiveCostUsd: string };

type Column = { name: string; type: string; value: (e: UsageEvent, c: EventCost) => string | number | boolean | null };

/**
 * The usage_events columns written by ingestion, with their Postgres array element types. SQL
 * identifiers come only from this table, never from input. received_at keeps its column default.
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

// One statement per batch: every column travels as one array parameter and unnest() zips them back
// into rows, so 5,000 events are one round-trip and one plan (Prisma createMany is ~10x slower, see
// STACK-NOTES). ON CONFLICT DO NOTHING on the primary key (workspace, event id, ts) makes replays and
// repeats inside the batch no-ops; the count of RETURNING rows is what was really stored.
const INSERT_SQL = `WITH inserted AS (
  INSERT INTO "usage_events" ("workspace_id", ${COLUMNS.map((c) => `"${c.name}"`).join(", ")})
  SELECT $1::int, * FROM unnest(${COLUMNS.map((c, i) => `$${i + 2}::text::${c.type}[]`).join(", ")})
  ON CONFLICT DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS inserted FROM inserted`;

/** Inserts the events in one statement (autocommit: committed when it returns). Returns how many were new. */
export async function insertEvents(
  sql: SqlExecutor,
  workspaceId: number,
  events: readonly UsageEvent[],
  costs: readonly EventCost[],
): Promise<number> {
  if (events.length === 0) return 0;
  if (costs.length !== events.length) throw new Error(`${costs.length} costs for ${events.length} events`);
  const params: unknown[] = [workspaceId];
  for (const col of COLUMNS) params.push(arrayLiteral(events, costs, col));
  const rows = await sql.query<{ inserted: number }>(INSERT_SQL, params);
  return rows[0]?.inserted ?? 0;
}

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;

/**
 * One column as a Postgres array literal ('{"a","b",NULL}'), sent as a text parameter and cast by the
 * server (`$n::text::type[]`, which PGlite and pg both pass through untouched). Building it here costs
 * a third of node-pg's generic array serialiser (two regex replaces per element), measured at 5,000-row
 * batches; every element is quoted, so commas, braces and spaces need no special care, and NUL never
 * reaches here (validation refuses it).
 */
function arrayLiteral(events: readonly UsageEvent[], costs: readonly EventCost[], col: Column): string {
  const parts = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) {
    const v = col.value(events[i]!, costs[i]!);
    if (v === null) parts[i] = "NULL";
    else if (typeof v === "number") parts[i] = String(v);
    else if (typeof v === "boolean") parts[i] = v ? "t" : "f";
    else parts[i] = NEEDS_ESCAPE.test(v) ? `"${v.replace(ESCAPED, "\\$&")}"` : `"${v}"`;
  }
  return `{${parts.join(",")}}`;
}
