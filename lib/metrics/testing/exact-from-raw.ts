import Decimal from "decimal.js";
import type { SqlExecutor } from "@/lib/db/sql";
import { DIMENSIONS, type Dimension } from "@/lib/rollups/dimensions";
import { MEASURES, type Measure } from "../measures";
import type { MetricsQuery } from "../query-schema";

/**
 * An independent exact answer to a metrics query, straight from raw events with plain GROUP BY and
 * percentile_disc — none of the rollup, planner or sketch code. Tests and the benchmark compare the
 * engine against it. Keyed by `bucket|dim|dim…` (bucket = ISO start, or "" without granularity).
 */
export type ExactRow = Record<string, string | number | null>;

const AGGREGATES = `count(*)::bigint AS requests,
  count(*) FILTER (WHERE status = 'ok')::bigint AS ok,
  count(*) FILTER (WHERE status = 'throttled' OR http_status = 429)::bigint AS throttled,
  count(*) FILTER (WHERE attempt = 1)::bigint AS tasks,
  count(*) FILTER (WHERE attempt > 1)::bigint AS retries,
  count(*) FILTER (WHERE fallback_from IS NOT NULL)::bigint AS fallbacks,
  count(*) FILTER (WHERE fallback_from IS NOT NULL AND status = 'ok')::bigint AS fallback_ok,
  sum(input_tokens)::bigint AS input_tokens, sum(output_tokens)::bigint AS output_tokens,
  sum(cache_read_tokens)::bigint AS cache_read_tokens, sum(cache_write_tokens)::bigint AS cache_write_tokens,
  sum(reasoning_tokens)::bigint AS reasoning_tokens,
  sum(effective_cost_usd)::text AS cost, sum(list_cost_usd)::text AS list_cost, sum(latency_ms)::bigint AS latency_sum,
  percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms) AS lat50, percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms) AS lat95,
  percentile_disc(0.99) WITHIN GROUP (ORDER BY latency_ms) AS lat99, percentile_disc(0.5) WITHIN GROUP (ORDER BY ttft_ms) AS ttft50,
  percentile_disc(0.95) WITHIN GROUP (ORDER BY ttft_ms) AS ttft95, percentile_disc(0.99) WITHIN GROUP (ORDER BY ttft_ms) AS ttft99`;

type Agg = Record<string, number | string | null>;

const money = (v: Decimal.Value) => new Decimal(v).toDecimalPlaces(10, Decimal.ROUND_HALF_UP).toFixed(10);
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const moneyRatio = (a: string, b: number) => (b === 0 ? null : money(new Decimal(a).div(b)));

function measureValue(m: Measure, a: Agg): string | number | null {
  const n = (k: string) => Number(a[k] ?? 0);
  switch (m) {
    case "requests":
      return n("requests");
    case "successful_requests":
    case "successful_tasks":
      return n("ok");
    case "failed_requests":
      return n("requests") - n("ok");
    case "error_rate":
      return ratio(n("requests") - n("ok"), n("requests"));
    case "throttled_requests":
      return n("throttled");
    case "tasks":
      return n("tasks");
    case "task_success_rate":
      return ratio(n("ok"), n("tasks"));
    case "retry_rate":
      return ratio(n("retries"), n("tasks"));
    case "fallback_rate":
      return ratio(n("fallbacks"), n("tasks"));
    case "fallback_success_rate":
      return ratio(n("fallback_ok"), n("fallbacks"));
    case "input_tokens":
    case "output_tokens":
    case "cache_read_tokens":
    case "cache_write_tokens":
    case "reasoning_tokens":
      return n(m);
    case "cache_hit_ratio":
      return ratio(n("cache_read_tokens"), n("input_tokens"));
    case "cost_usd":
      return money(String(a.cost ?? "0"));
    case "list_cost_usd":
      return money(String(a.list_cost ?? "0"));
    case "cost_per_successful_task_usd":
      return moneyRatio(String(a.cost ?? "0"), n("ok"));
    case "cost_per_1k_tokens_usd": {
      const tokens = n("input_tokens") + n("output_tokens");
      return tokens === 0 ? null : money(new Decimal(String(a.cost ?? "0")).times(1000).div(tokens));
    }
    case "avg_latency_ms":
      return ratio(n("latency_sum"), n("requests"));
    case "latency_p50_ms":
      return (a.lat50 as number | null) ?? null;
    case "latency_p95_ms":
      return (a.lat95 as number | null) ?? null;
    case "latency_p99_ms":
      return (a.lat99 as number | null) ?? null;
    case "ttft_p50_ms":
      return (a.ttft50 as number | null) ?? null;
    case "ttft_p95_ms":
      return (a.ttft95 as number | null) ?? null;
    case "ttft_p99_ms":
      return (a.ttft99 as number | null) ?? null;
  }
}

export function rowKey(bucket: string | null | undefined, dims: readonly Dimension[], row: Record<string, unknown>): string {
  return [bucket ?? "", ...dims.map((d) => (row[d] === null || row[d] === undefined ? "∅" : String(row[d])))].join("|");
}

export async function exactFromRaw(sql: SqlExecutor, workspaceId: number, q: MetricsQuery): Promise<Map<string, ExactRow>> {
  const params: unknown[] = [workspaceId, q.from, q.to];
  const where = ["workspace_id = $1", "ts >= $2::timestamptz", "ts < $3::timestamptz"];
  for (const spec of Object.values(DIMENSIONS)) {
    const values = (q.filters as Record<string, (string | null)[] | undefined>)[spec.filterKey];
    if (!values) continue;
    params.push(values.filter((v) => v !== null));
    const nulls = values.includes(null) ? ` OR "${spec.column}" IS NULL` : "";
    where.push(`("${spec.column}" = ANY($${params.length}::text[])${nulls})`);
  }
  const dims = q.dimensions.map((d) => `"${DIMENSIONS[d].column}" AS "${d}"`);
  let bucket = "NULL::timestamptz";
  if (q.granularity) {
    params.push(q.granularity, q.timezone);
    bucket = `date_trunc($${params.length - 1}, ts, $${params.length})`;
  }
  const group = ["1", ...q.dimensions.map((_, i) => String(i + 2))].join(", ");
  const rows = await sql.query<Agg & { bucket: Date | null }>(
    `SELECT ${bucket} AS bucket${dims.length ? `, ${dims.join(", ")}` : ""}, ${AGGREGATES}
       FROM usage_events WHERE ${where.join(" AND ")} GROUP BY ${group}`,
    params,
  );
  const out = new Map<string, ExactRow>();
  for (const r of rows) {
    const row: ExactRow = {};
    for (const d of q.dimensions) row[d] = (r[d] as string | null) ?? null;
    for (const m of q.measures) row[m] = measureValue(m, r);
    out.set(rowKey(r.bucket ? r.bucket.toISOString() : null, q.dimensions, row), row);
  }
  return out;
}

/** Largest relative error of the percentile measures of `got` against `exact` (0 when none). */
export function isPercentile(m: Measure): boolean {
  return MEASURES[m].kind === "percentile";
}
