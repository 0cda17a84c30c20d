import { BASE_COLUMNS, rawSketchKeySql, storedQuantileColumn, type BaseColumn, type SketchName } from "@/lib/rollups/base-columns";
import { CUBES } from "@/lib/rollups/cubes";
import { rawDimensionSql, type Dimension } from "@/lib/rollups/dimensions";
import type { Grain } from "@/lib/rollups/grains";
import { ident, iso, type Params, rangeCondition } from "@/lib/db/sql-text";
import type { SourcePlan } from "./plan-sources";

/**
 * SQL of the metrics query. Identifiers come only from the typed registries (cubes, dimensions, base
 * columns, measures); every value is a parameter. Every source is filtered by workspace first.
 */

/**
 * A timestamptz[] parameter as one array literal: ISO instants need no quoting, and node-postgres would
 * otherwise escape thousands of elements one by one (hourly series carry ~2,000 bucket starts).
 */
export function timestampArray(ms: readonly number[]): string {
  let literal = literals.get(ms);
  if (literal === undefined) literals.set(ms, (literal = `{${ms.map(iso).join(",")}}`));
  return literal;
}

// The same bucket lists go into the sums statement and each sketch statement of one query.
const literals = new WeakMap<readonly number[], string>();

/** Dimension values to keep per dimension; null (events without the field) is stored as ''. */
export type DimensionFilters = Partial<Record<Dimension, (string | null)[]>>;

export type SourceSpec = {
  workspaceId: number;
  plan: SourcePlan;
  /** Output bucket starts (epoch ms, the first one = `from`), or null: one bucket for the whole range. */
  bounds: number[] | null;
  dims: readonly Dimension[];
  filters: DimensionFilters;
};

/** A SourceSpec whose values are bound to one statement's parameters. */
type Bound = SourceSpec & { ws: string; boundsParam: string | null };

function bind(spec: SourceSpec, p: Params): Bound {
  return { ...spec, ws: p.add(spec.workspaceId), boundsParam: spec.bounds ? p.add(timestampArray(spec.bounds)) : null };
}

function filterConditions(spec: Bound, p: Params, column: (d: Dimension) => string): string[] {
  return Object.entries(spec.filters).map(([d, values]) => {
    const stored = (values ?? []).map((v) => v ?? "");
    return `${column(d as Dimension)} = ANY(${p.add(stored)}::text[])`;
  });
}

function bucketIndex(spec: Bound, column: string): string {
  return spec.boundsParam ? `width_bucket(${column}, ${spec.boundsParam}::timestamptz[])` : "1";
}

/**
 * The columns each source adds after `bi` and the dimensions; raw: null to leave raw events out;
 * where: extra conditions on rollup rows.
 */
type SourceParts = { rollup: (alias: string) => string[]; raw: ((alias: string) => string[]) | null; where?: (alias: string) => string[] };

/**
 * One SELECT per rollup grain of the plan plus one over raw events, glued with UNION ALL. Each yields
 * `bi` (1-based output bucket), the grouping dimensions, then the caller's columns.
 */
function unionOfSources(spec: Bound, p: Params, parts: SourceParts): string {
  const table = ident(CUBES[spec.plan.cube].table);
  const selects: string[] = [];
  for (const [grain, starts] of Object.entries(spec.plan.grains) as [Grain, number[]][]) {
    if (starts.length === 0) continue;
    // The exact bucket starts: one index probe each on (workspace, grain, bucket), where OR-ed ranges
    // would make Postgres scan every row of the grain and filter.
    const where = [
      `r.workspace_id = ${spec.ws}`,
      `r.grain = '${grain}'`,
      `r.bucket = ANY(${p.add(timestampArray(starts))}::timestamptz[])`,
      ...filterConditions(spec, p, (d) => `r.${ident(d)}`),
      ...(parts.where?.("r") ?? []),
    ];
    const cols = [`${bucketIndex(spec, "r.bucket")} AS bi`, ...spec.dims.map((d) => `r.${ident(d)}`), ...parts.rollup("r")];
    selects.push(`SELECT ${cols.join(", ")} FROM ${table} r WHERE ${where.join(" AND ")}`);
  }
  if (parts.raw && spec.plan.raw.length > 0) {
    const dimCols = spec.dims.map((d) => `${rawDimensionSql(d)} AS ${ident(d)}`);
    const cols = [`${bucketIndex(spec, "e.ts")} AS bi`, ...dimCols, ...parts.raw("e")];
    const group = ["1", ...spec.dims.map((_, i) => String(i + 2))].join(", ");
    selects.push(`SELECT ${cols.join(", ")} FROM "usage_events" e WHERE ${rawWhere(spec, p).join(" AND ")} GROUP BY ${group}`);
  }
  return selects.join("\n  UNION ALL\n  ");
}

function rawWhere(spec: Bound, p: Params): string[] {
  return [`e.workspace_id = ${spec.ws}`, rangeCondition("e.ts", spec.plan.raw, p), ...filterConditions(spec, p, (d) => rawDimensionSql(d))];
}

/** A percentile measure answered from stored quantile keys when its group has a single source row. */
export type StoredQuantileRef = { alias: string; sketch: SketchName; q: number };

/**
 * The summed base columns per (bucket, dimensions): CTE text producing `s(bi, dims…, cols…, parts,
 * quantile keys…)`, or null when no source has rows to read. `parts` counts the group's source rows;
 * for a group of one row each requested quantile's key comes along (the row's stored key, or for raw
 * events percentile_disc over their bin keys — the same rank rule), so it needs no sketch statement.
 */
export function sumsCte(
  spec: SourceSpec,
  columns: readonly BaseColumn[],
  quantiles: readonly StoredQuantileRef[],
  p: Params,
): string | null {
  const cols = columns.length > 0 ? columns : (["requests"] as BaseColumn[]);
  const stored = (q: StoredQuantileRef) => {
    const column = storedQuantileColumn(q.sketch, q.q);
    if (!column) throw new RangeError(`no stored quantile ${q.q} for ${q.sketch}`);
    return column;
  };
  const union = unionOfSources(bind(spec, p), p, {
    rollup: (r) => [...cols.map((c) => `${r}.${ident(c)}`), ...quantiles.map((q) => `${r}.${ident(stored(q))} AS ${ident(q.alias)}`)],
    raw: () => [
      ...cols.map((c) => `sum(${BASE_COLUMNS[c].raw}) AS ${ident(c)}`),
      ...quantiles.map(
        (q) => `percentile_disc(${p.add(q.q)}::float8) WITHIN GROUP (ORDER BY ${rawSketchKeySql(q.sketch)}) AS ${ident(q.alias)}`,
      ),
    ],
  });
  if (!union) return null;
  const group = ["bi", ...spec.dims.map(ident)].join(", ");
  const sums = cols.map((c) =>
    BASE_COLUMNS[c].type === "bigint" ? `sum(${ident(c)})::bigint AS ${ident(c)}` : `sum(${ident(c)}) AS ${ident(c)}`,
  );
  const keys = quantiles.map((q) => `CASE WHEN count(*) = 1 THEN min(${ident(q.alias)}) END AS ${ident(q.alias)}`);
  return `src AS (\n  ${union}\n), s AS (SELECT ${group}, ${[...sums, "count(*) AS parts", ...keys].join(", ")} FROM src GROUP BY ${group})`;
}

/**
 * Sketches per (bucket, dimensions) group, in no particular order, for several sketches in one statement
 * (one pass over the rollup rows). A group served by one source row (an hourly series of one model, say) is
 * answered in Postgres: a binary search (width_bucket) over the row's cumulative counts finds the bin of
 * each quantile's rank, so only `q<i>` travels. A group of several rows returns every row's bins
 * (`k<i>`, `c<i>`, comma-separated text: twice as fast to parse in Node as array values) for the caller
 * to merge. Raw events are binned with the refresh's key function, one row per group and sketch.
 * `series`: only these dimension tuples (one text[] per dimension).
 */
export function sketchSql(
  spec: SourceSpec,
  sketches: readonly { sketch: SketchName; qs: readonly number[] }[],
  p: Params,
  groups: readonly { bi: number; dims: readonly string[] }[],
): string | null {
  const bound = bind(spec, p);
  const pair = (s: SketchName) => [ident(`${s}_keys`), ident(`${s}_cum`)] as const;
  const union = unionOfSources(bound, p, {
    rollup: (r) => sketches.flatMap(({ sketch }, i) => [`${r}.${pair(sketch)[0]} AS k${i}`, `${r}.${pair(sketch)[1]} AS c${i}`]),
    raw: null,
    where: (r) => [`(${sketches.map(({ sketch }) => `cardinality(${r}.${pair(sketch)[0]}) > 0`).join(" OR ")})`],
  });
  const selects = union ? [union] : [];
  const dimNames = spec.dims.map(ident);
  if (spec.plan.raw.length > 0) {
    const rawDims = spec.dims.map((d) => `${rawDimensionSql(d)} AS ${ident(d)}`);
    const group = ["bi", ...dimNames].join(", ");
    sketches.forEach(({ sketch }, i) => {
      const keyExpr = rawSketchKeySql(sketch);
      const bins = `SELECT ${[`${bucketIndex(bound, "e.ts")} AS bi`, ...rawDims, `${keyExpr} AS k`, "count(*) AS c"].join(", ")}
        FROM "usage_events" e WHERE ${[...rawWhere(bound, p), `${keyExpr} IS NOT NULL`].join(" AND ")}
        GROUP BY ${["1", ...spec.dims.map((_, j) => String(j + 2)), String(spec.dims.length + 2)].join(", ")}`;
      const cols = sketches.flatMap((_, j) =>
        j === i ? ["array_agg(k ORDER BY k)", "array_agg(cum ORDER BY k)"] : ["NULL::int2[]", "NULL::int8[]"],
      );
      selects.push(`SELECT ${group}, ${cols.map((c, j) => `${c} AS ${j % 2 === 0 ? "k" : "c"}${Math.floor(j / 2)}`).join(", ")}
        FROM (SELECT b.*, sum(c) OVER (PARTITION BY ${group} ORDER BY k)::bigint AS cum FROM (${bins}) AS b) AS rb GROUP BY ${group}`);
    });
  }
  if (selects.length === 0) return null;
  const qualified = spec.dims.map((d) => `u.${ident(d)}`);
  const group = ["bi", ...dimNames].join(", ");
  // Only the groups the caller still needs (the rest were answered from single rows).
  const arrays = [
    `${p.add(groups.map((g) => g.bi))}::int[]`,
    ...spec.dims.map((_, i) => `${p.add(groups.map((g) => g.dims[i] ?? ""))}::text[]`),
  ];
  const wanted = `(${group}) IN (SELECT * FROM unnest(${arrays.join(", ")}))`;
  const cols = sketches.flatMap(({ qs }, i) => {
    // percentile_disc's rank: max(1, ⌈q·n⌉), with q as float8 as Postgres computes it.
    const n = `u.c${i}[cardinality(u.c${i})]`;
    const qkeys = qs.map((q) => `u.k${i}[width_bucket(greatest(1, ceil(${p.add(q)}::float8 * ${n}))::bigint - 1, u.c${i}) + 1]`);
    return [
      `CASE WHEN g.parts = 1 THEN ARRAY[${qkeys.join(", ")}]::int[] END AS q${i}`,
      `CASE WHEN g.parts > 1 THEN array_to_string(u.k${i}, ',') END AS k${i}`,
      `CASE WHEN g.parts > 1 THEN array_to_string(u.c${i}, ',') END AS c${i}`,
    ];
  });
  // Group sizes come from a narrow aggregate joined back: cheaper than a window over rows that carry
  // their bins, and no ORDER BY (the caller groups by key).
  return `WITH u AS MATERIALIZED (SELECT * FROM (\n  ${selects.join("\n  UNION ALL\n  ")}\n) AS x WHERE ${wanted}),
    g AS (SELECT ${group}, count(*) AS parts FROM u GROUP BY ${group})
    SELECT ${qualified.length ? `u.bi, ${qualified.join(", ")}` : "u.bi"}, ${cols.join(",\n      ")}
      FROM u JOIN g USING (${group})`;
}
