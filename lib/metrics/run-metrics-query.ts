import type { Database } from "@/lib/db/open-database";
import type { SqlExecutor } from "@/lib/db/sql";
import { ApiError } from "@/lib/http/errors";
import { zodIssues } from "@/lib/http/respond";
import type { BaseColumn } from "@/lib/rollups/base-columns";
import { smallestCoveringCube } from "@/lib/rollups/cubes";
import { DIMENSION_NAMES, DIMENSIONS, type Dimension } from "@/lib/rollups/dimensions";
import { SKETCH_RELATIVE_ACCURACY, sketchValue } from "@/lib/rollups/sketch";
import { emptyValue, measureColumns, measureSpec } from "./measures";
import { planSources, type DirtyBuckets, type SourcePlan } from "./plan-sources";
import { metricsQuerySchema, type MetricsQuery } from "./query-schema";
import { orderPlan, type OrderPlan } from "./order-plan";
import { computePercentiles } from "./compute-percentiles";
import { Params } from "@/lib/db/sql-text";
import { sumsCte, type DimensionFilters, type SourceSpec, type StoredQuantileRef } from "./query-sql";

export type MetricsRow = Record<string, string | number | null>;

export type MetricsMeta = {
  /** "rollup:<cube>" when rollup rows answered (raw events may fill edges), "raw" when only raw events did. */
  source: string;
  cube: string;
  /** Rollup buckets used per grain, raw-event ranges, and the raw time that was raw only because rollups were stale. */
  sources: Record<string, number>;
  from: string;
  to: string;
  granularity: string | null;
  timezone: string;
  buckets: number;
  rowCount: number;
  /** Series (dimension tuples) in the answer and in the whole range. */
  seriesCount: number;
  totalSeries: number;
  /** True when rows or series were cut by `limit` or by the row cap. */
  truncated: boolean;
  limit: number | null;
  money: string;
  percentiles: string;
};

export type MetricsAnswer = { rows: MetricsRow[]; meta: MetricsMeta };

/** Rows (granularity × series) one answer may hold. */
export const MAX_ROWS = 50_000;
/** Raw-event time a query may need when no rollup covers it (stale rollups excluded: they are temporary). */
export const MAX_RAW_DAYS = 7;
const DAY = 86_400_000;

/**
 * Answers one metrics query for one workspace (the API route and the dashboards call this). Validates
 * `input` (throws ApiError invalid_body with a clear message), picks the smallest cube holding every
 * grouped and filtered dimension, covers the range with its coarsest fresh rollup rows and raw events
 * for the rest, sums in SQL, merges sketches in Node, and fills empty buckets.
 */
export async function runMetricsQuery(db: Pick<Database, "sql">, workspaceId: number, input: unknown): Promise<MetricsAnswer> {
  const parsed = metricsQuerySchema.safeParse(input);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    const first = issues[0];
    throw new ApiError("invalid_body", first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "the query is invalid", issues);
  }
  const q = parsed.data;
  try {
    return await db.sql.transaction((tx) => answer(tx, db.sql.kind, workspaceId, q));
  } catch (err) {
    // Zones Intl knows but this database's tz database does not (rare: different tzdata versions).
    if ((err as { code?: string }).code === "22023" && /time zone/i.test((err as Error).message)) {
      throw new ApiError("invalid_body", `timezone: the database does not know the time zone '${q.timezone}'`);
    }
    throw err;
  }
}

async function answer(tx: SqlExecutor, kind: "postgres" | "pglite", workspaceId: number, q: MetricsQuery): Promise<MetricsAnswer> {
  if (kind === "postgres") {
    // Estimates over fresh rollup rows can be far off; JIT would then spend seconds compiling a query
    // that runs in milliseconds. Parallel workers cost more to start than these index scans take.
    await tx.exec(`SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL work_mem = '32MB'`);
  }
  const from = Date.parse(q.from);
  const to = Date.parse(q.to);
  const now = Date.now();
  const filters = dimensionFilters(q);
  const needed = new Set<Dimension>([...q.dimensions, ...(Object.keys(filters) as Dimension[])]);
  const cube = smallestCoveringCube(needed);
  if (!cube) throw new Error(`no rollup cube covers ${[...needed].join(", ")}`);

  const labels = q.granularity ? await bucketStarts(tx, q.granularity, q.timezone, from, to) : [from];
  const bounds = [from, ...labels.slice(1)];
  const dirty = await dirtyBuckets(tx, workspaceId, from, to);
  const plan = planSources({ cube, bounds, to, dirty, now });
  const rawDays = plan.raw.reduce((s, r) => s + (r.hi - r.lo), 0) - plan.staleRawMs;
  if (rawDays > MAX_RAW_DAYS * DAY) {
    throw new ApiError(
      "invalid_body",
      `this query needs raw events over ${(rawDays / DAY).toFixed(1)} days (no rollup holds ${[...needed].join(", ")} at granularity '${q.granularity}' that far back); ` +
        `narrow the range to at most ${MAX_RAW_DAYS} days, use a coarser granularity, or group and filter by fewer dimensions`,
    );
  }

  const p = new Params();
  const spec: SourceSpec = {
    workspaceId,
    plan,
    bounds: q.granularity ? bounds : null,
    dims: q.dimensions,
    filters,
  };
  const columns = [...new Set(q.measures.flatMap((m) => measureColumns(m)))] as BaseColumn[];
  const order = orderPlan(q);
  const cap = q.granularity ? Math.max(1, Math.floor(MAX_ROWS / labels.length)) : MAX_ROWS;
  const seriesLimit = Math.min(q.limit ?? Infinity, cap);

  const percentiles: StoredQuantileRef[] = q.measures.flatMap((m) => {
    const ms = measureSpec(m);
    return ms.kind === "percentile" ? [{ alias: m, sketch: ms.sketch, q: ms.q }] : [];
  });
  const rows: MetricsRow[] = [];
  const toMerge: { bi: number; dims: string[] }[] = [];
  let totalSeries = 0;
  let keptSeries: string[][] = [];
  const cte = sumsCte(spec, columns, percentiles, p);
  if (cte) {
    const result = await tx.query<Record<string, unknown>>(sumsSelect(cte, q, order, seriesLimit, p), p.values);
    totalSeries = Number(result[0]?.total_series ?? 0);
    const seen = new Map<string, string[]>();
    for (const r of result) {
      const tuple = q.dimensions.map((d) => String(r[d] ?? ""));
      seen.set(tuple.join("\u0001"), tuple);
      rows.push(toRow(r, q));
      // A group of several source rows needs its sketches merged; one row brought its quantiles along.
      if (percentiles.length > 0 && Number(r.parts) > 1) toMerge.push({ bi: Number(r.bi), dims: tuple });
    }
    keptSeries = [...seen.values()];
  }

  const sketches = [...new Set(percentiles.map((x) => x.sketch))];
  await computePercentiles(tx, spec, q, sketches, rows, toMerge);

  let answerRows = rows;
  let truncated = totalSeries > keptSeries.length;
  if (!order.inSql) {
    answerRows = order.sortInNode(rows);
    if (answerRows.length > seriesLimit) {
      answerRows = answerRows.slice(0, seriesLimit);
      truncated = true;
    }
  }
  if (q.granularity) answerRows = fillBuckets(answerRows, q, labels, order);
  else if (q.dimensions.length === 0 && answerRows.length === 0)
    answerRows = [Object.fromEntries(q.measures.map((m) => [m, emptyValue(m)]))];
  return {
    rows: answerRows,
    meta: meta(q, plan, labels.length, answerRows, truncated, Math.min(keptSeries.length, answerRows.length), totalSeries),
  };
}

function dimensionFilters(q: MetricsQuery): DimensionFilters {
  const out: DimensionFilters = {};
  for (const d of DIMENSION_NAMES) {
    const values = (q.filters as Record<string, (string | null)[] | undefined>)[DIMENSIONS[d].filterKey];
    if (values) out[d] = values;
  }
  return out;
}

/**
 * Output bucket starts (epoch ms) covering [from, to) in the zone: whole-hour steps for minute and hour
 * (so half-hour zones keep local hours), local calendar steps for day, week (ISO, Monday) and month.
 */
async function bucketStarts(tx: SqlExecutor, g: string, tz: string, from: number, to: number): Promise<number[]> {
  const fixed = g === "minute" || g === "hour";
  // Epoch milliseconds as float8: parsing thousands of timestamptz strings in Node costs more than the query.
  const sql = fixed
    ? `SELECT extract(epoch FROM b)::float8 * 1000 AS ms
         FROM generate_series(date_trunc($1, $2::timestamptz, $4), $3::timestamptz - interval '1 microsecond', ('1 ' || $1)::interval) AS b`
    : `SELECT DISTINCT extract(epoch FROM t AT TIME ZONE $4)::float8 * 1000 AS ms
         FROM generate_series(date_trunc($1, $2::timestamptz AT TIME ZONE $4), $3::timestamptz AT TIME ZONE $4, ('1 ' || $1)::interval) AS t
        WHERE (t AT TIME ZONE $4) < $3::timestamptz ORDER BY ms`;
  const rows = await tx.query<{ ms: number }>(sql, [g, new Date(from).toISOString(), new Date(to).toISOString(), tz]);
  const starts = rows.map((r) => Math.round(r.ms)).filter((b, i, all) => i === 0 || b > (all[i - 1] as number));
  if (starts.length === 0 || (starts[0] as number) > from) starts.unshift(from);
  return starts;
}

async function dirtyBuckets(tx: SqlExecutor, workspaceId: number, from: number, to: number): Promise<DirtyBuckets> {
  const rows = await tx.query<{ grain: keyof DirtyBuckets; bucket: Date }>(
    `SELECT DISTINCT grain, bucket FROM "rollup_dirty" WHERE workspace_id = $1 AND bucket >= $2::timestamptz AND bucket < $3::timestamptz`,
    [workspaceId, new Date(from - 32 * DAY).toISOString(), new Date(to).toISOString()],
  );
  const out: DirtyBuckets = { hour: [], day: [], week: [], month: [] };
  for (const r of rows) out[r.grain]?.push(r.bucket.getTime());
  return out;
}

function sumsSelect(cte: string, q: MetricsQuery, order: OrderPlan, seriesLimit: number, p: Params): string {
  const col = (c: BaseColumn) => `s."${c}"`;
  // Percentiles: the quantile's bin key when the group had a single source row (else NULL: merged later).
  const measures = q.measures.map((m) => {
    const spec = measureSpec(m);
    return spec.kind === "percentile" ? `s."${m}"` : `${spec.sql(col)} AS "${m}"`;
  });
  const dims = q.dimensions.map((d) => `s."${d}"`);
  const dimList = q.dimensions.map((d) => `"${d}"`).join(", ");
  if (q.dimensions.length === 0) {
    return `WITH ${cte} SELECT s.bi, ${measures.length ? `${measures.join(", ")},` : ""} s.parts, 1 AS total_series FROM s ORDER BY s.bi`;
  }
  // Series are ranked over the whole range (totals per dimension tuple), then cut to the limit.
  const totals = (c: BaseColumn) => `sum(s."${c}")`;
  const rank = order.rankSql(totals);
  const limit = Number.isFinite(seriesLimit) && order.inSql ? `WHERE ranked.rank <= ${p.add(seriesLimit)}` : "";
  return `WITH ${cte},
    ranked AS (SELECT ${dimList}, row_number() OVER (ORDER BY ${rank}) AS rank, count(*) OVER () AS total_series FROM s GROUP BY ${dimList})
    SELECT s.bi, ${dims.join(", ")}, ${measures.length ? `${measures.join(", ")},` : ""} s.parts, ranked.rank, ranked.total_series
      FROM s JOIN ranked USING (${dimList}) ${limit}
     ORDER BY ${q.granularity ? "ranked.rank, s.bi" : "ranked.rank"}`;
}

function toRow(r: Record<string, unknown>, q: MetricsQuery): MetricsRow {
  const row: MetricsRow = { bi: Number(r.bi) };
  for (const d of q.dimensions) row[d] = r[d] === "" || r[d] === undefined ? null : (r[d] as string);
  for (const m of q.measures) {
    const spec = measureSpec(m);
    if (spec.kind === "percentile") {
      const key = r[m];
      row[m] = key === null || key === undefined ? null : Math.round(sketchValue(Number(key)) * 100) / 100;
    } else row[m] = (r[m] ?? null) as string | number | null;
  }
  if (r.rank !== undefined) row.rank = Number(r.rank);
  return row;
}

/** Every series gets every bucket: empty ones 0 for additive measures, null for ratios and percentiles. */
function fillBuckets(rows: MetricsRow[], q: MetricsQuery, labels: number[], order: OrderPlan): MetricsRow[] {
  const bySeries = new Map<string, { tuple: MetricsRow; byBucket: Map<number, MetricsRow> }>();
  // Without dimensions there is exactly one series, even when no event fell in the range.
  if (q.dimensions.length === 0) bySeries.set("", { tuple: {}, byBucket: new Map() });
  for (const r of rows) {
    const key = q.dimensions.map((d) => r[d] ?? "\u0000").join("\u0001");
    let s = bySeries.get(key);
    if (!s) bySeries.set(key, (s = { tuple: Object.fromEntries(q.dimensions.map((d) => [d, r[d] ?? null])), byBucket: new Map() }));
    s.byBucket.set(r.bi as number, r);
  }
  const out: MetricsRow[] = [];
  const bucketOrder = order.bucketDirection === "desc" ? [...labels.keys()].reverse() : [...labels.keys()];
  for (const i of bucketOrder) {
    for (const s of bySeries.values()) {
      const found = s.byBucket.get(i + 1);
      const row: MetricsRow = { bucket: new Date(labels[i] as number).toISOString(), ...s.tuple };
      for (const m of q.measures) row[m] = found ? (found[m] ?? null) : emptyValue(m);
      out.push(row);
    }
  }
  return out;
}

function meta(
  q: MetricsQuery,
  plan: SourcePlan,
  buckets: number,
  rows: MetricsRow[],
  truncated: boolean,
  series: number,
  totalSeries: number,
): MetricsMeta {
  const sources: Record<string, number> = { ...plan.bucketCounts, rawRanges: plan.raw.length };
  const rawMs = plan.raw.reduce((s, r) => s + (r.hi - r.lo), 0);
  sources.rawHours = Math.round((rawMs / 3_600_000) * 100) / 100;
  sources.staleRawHours = Math.round((plan.staleRawMs / 3_600_000) * 100) / 100;
  const usedRollup = Object.values(plan.bucketCounts).some((n) => (n ?? 0) > 0);
  if (!q.granularity) for (const r of rows) delete r.bi;
  for (const r of rows) delete r.rank;
  return {
    source: usedRollup ? `rollup:${plan.cube}` : "raw",
    cube: plan.cube,
    sources,
    from: new Date(Date.parse(q.from)).toISOString(),
    to: new Date(Date.parse(q.to)).toISOString(),
    granularity: q.granularity ?? null,
    timezone: q.timezone,
    buckets,
    rowCount: rows.length,
    seriesCount: q.dimensions.length ? series : rows.length > 0 ? 1 : 0,
    totalSeries: q.dimensions.length ? totalSeries : 1,
    truncated,
    limit: q.limit ?? null,
    money: "decimal strings with 10 decimal places (USD)",
    percentiles: `DDSketch merge, relative accuracy ${SKETCH_RELATIVE_ACCURACY}, rank rule of percentile_disc; null when no events`,
  };
}
