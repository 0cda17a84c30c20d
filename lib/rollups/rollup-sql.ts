import {
  BASE_COLUMNS,
  BASE_COLUMN_NAMES,
  SKETCH_NAMES,
  STORED_QUANTILES,
  STORED_QUANTILE_NAMES,
  quantileKeySql,
  rawSketchKeySql,
} from "./base-columns";
import { ident, Params, rangeCondition, type TimeRange } from "@/lib/db/sql-text";
import { CUBES, type CubeName } from "./cubes";
import { rawDimensionSql, type Dimension } from "./dimensions";
import type { Grain } from "./grains";

/**
 * SQL of the rollup refresh, built only from the typed registries (cubes, dimensions, base columns,
 * sketches) and typed grains: no identifier ever comes from input. Rows are always recomputed whole
 * from their source (raw events, or the finer rows of the same cube), never patched with deltas: a
 * refresh is idempotent and a rebuild runs exactly the same statements as incremental maintenance.
 */

function dims(cube: CubeName): readonly Dimension[] {
  return CUBES[cube].dims;
}

function dimList(cube: CubeName, prefix = ""): string {
  return dims(cube)
    .map((d) => `${prefix}${ident(d)}`)
    .join(", ");
}

export type Range = TimeRange;
export type Statement = { text: string; params: unknown[] };

function sumSql(b: (typeof BASE_COLUMN_NAMES)[number]): string {
  // sum(int) is bigint but sum(bigint) is numeric: cast counts back; money stays numeric.
  return BASE_COLUMNS[b].type === "bigint" ? `sum(${ident(b)})::bigint AS ${ident(b)}` : `sum(${ident(b)}) AS ${ident(b)}`;
}

/**
 * The CTEs computing one target's rows from CTE `ev` and INSERTing them, all names prefixed with `t`:
 * `<t>g` the rows with their sums and an integer id per row (gid); `<t>evg` the source rows tagged with
 * that id (one hash join per source row, so the per-bin grouping and ordering of the sketches work on
 * (int8, int2) instead of the bucket and every text dimension); one CTE per sketch with (gid, keys[],
 * cum[]) in key order — finer rows give back their counts as differences of consecutive cumulative
 * counts (three set-returning functions in one target list advance in lockstep); `<t>ins` the INSERT.
 * `bucket` is ev's column holding the target bucket; `where` restricts ev to the target's buckets.
 */
function targetCtes(t: string, cube: CubeName, grain: Grain, source: Grain | "raw", bucket: string, where: string, ws: string): string[] {
  const d = dims(cube);
  const group = [bucket, ...d.map(ident)].join(", ");
  const join = [`ev.${bucket} = ${t}g.bucket`, ...d.map((x) => `ev.${ident(x)} = ${t}g.${ident(x)}`)].join(" AND ");
  const tagged = SKETCH_NAMES.flatMap((s) =>
    source === "raw" ? [`ev.${ident(`${s}_k`)}`] : [`ev.${ident(`${s}_keys`)}`, `ev.${ident(`${s}_cum`)}`],
  );
  const sketches = SKETCH_NAMES.map((s) => {
    const keys = ident(`${s}_keys`);
    const cum = ident(`${s}_cum`);
    const bins =
      source === "raw"
        ? `SELECT gid, ${ident(`${s}_k`)} AS k, count(*) AS c FROM ${t}evg WHERE ${ident(`${s}_k`)} IS NOT NULL GROUP BY gid, ${ident(`${s}_k`)}`
        : `SELECT gid, k, sum(c) AS c FROM (
             SELECT gid, unnest(${keys}) AS k, unnest(${cum}) - unnest(array_prepend(0::bigint, ${cum}[1:cardinality(${cum}) - 1])) AS c
               FROM ${t}evg WHERE cardinality(${keys}) > 0) AS u GROUP BY gid, k`;
    return `${t}${s} AS (
      SELECT gid, array_agg(k ORDER BY k) AS keys, array_agg(cum ORDER BY k) AS cum
        FROM (SELECT gid, k, sum(c) OVER (PARTITION BY gid ORDER BY k)::bigint AS cum FROM (${bins}) AS b) AS bins GROUP BY gid)`;
  });
  const columns = [
    "workspace_id",
    "grain",
    "bucket",
    ...d,
    ...BASE_COLUMN_NAMES,
    ...SKETCH_NAMES.flatMap((s) => [`${s}_keys`, `${s}_cum`, ...STORED_QUANTILE_NAMES.map((q) => `${s}_${q}`)]),
  ].map(ident);
  const values = [
    ws,
    `'${grain}'`,
    `${t}g.bucket`,
    ...d.map((x) => `${t}g.${ident(x)}`),
    ...BASE_COLUMN_NAMES.map((b) => `${t}g.${ident(b)}`),
    ...SKETCH_NAMES.flatMap((s) => [
      `COALESCE(${t}${s}.keys, '{}')`,
      `COALESCE(${t}${s}.cum, '{}')`,
      ...STORED_QUANTILE_NAMES.map((q) => quantileKeySql(`${t}${s}.keys`, `${t}${s}.cum`, String(STORED_QUANTILES[q]))),
    ]),
  ];
  return [
    `${t}g AS MATERIALIZED (SELECT row_number() OVER () AS gid, ${bucket} AS bucket, ${d.map(ident).join(", ")}, ${BASE_COLUMN_NAMES.map(sumSql).join(", ")}
       FROM ev WHERE ${where} GROUP BY ${group})`,
    `${t}evg AS MATERIALIZED (SELECT ${t}g.gid, ${tagged.join(", ")} FROM ev JOIN ${t}g ON ${join} WHERE ${where})`,
    ...sketches,
    `${t}ins AS (INSERT INTO ${ident(CUBES[cube].table)} (${columns.join(", ")})
       SELECT ${values.join(", ")} FROM ${t}g ${SKETCH_NAMES.map((s) => `LEFT JOIN ${t}${s} USING (gid)`).join(" ")} RETURNING 1)`,
  ];
}

export type RawTarget = { cube: CubeName; grain: Grain; ranges: readonly Range[] };

/**
 * One statement recomputing several (cube, grain) targets from raw events: the events of the union of
 * their ranges are read and keyed (sketch keys, buckets) once, then each target groups its own
 * dimensions over its own ranges and INSERTs. Run after the targets' rows were deleted, in the same
 * transaction. Returns how many rows were inserted (column n).
 */
export function recomputeFromRawSql(workspaceId: number, targets: readonly RawTarget[]): Statement {
  const p = new Params();
  const ws = p.add(workspaceId);
  const grains = [...new Set(targets.map((t) => t.grain))];
  const dimsUsed = [...new Set(targets.flatMap((t) => dims(t.cube)))];
  const all = mergeRanges(targets.flatMap((t) => t.ranges));
  const cols = [
    "e.ts",
    ...grains.map((g) => `date_trunc('${g}', e.ts, 'UTC') AS ${ident(`b_${g}`)}`),
    ...dimsUsed.map((d) => `${rawDimensionSql(d)} AS ${ident(d)}`),
    ...BASE_COLUMN_NAMES.map((b) => `${BASE_COLUMNS[b].raw} AS ${ident(b)}`),
    ...SKETCH_NAMES.map((s) => `${rawSketchKeySql(s)} AS ${ident(`${s}_k`)}`),
  ];
  const ctes = [
    `ev AS MATERIALIZED (SELECT ${cols.join(", ")} FROM "usage_events" e WHERE e.workspace_id = ${ws} AND ${rangeCondition("e.ts", all, p)})`,
  ];
  targets.forEach((t, i) => {
    const same = t.ranges.length === all.length && t.ranges.every((r, j) => r.lo === all[j]?.lo && r.hi === all[j]?.hi);
    ctes.push(
      ...targetCtes(`t${i}_`, t.cube, t.grain, "raw", ident(`b_${t.grain}`), same ? "true" : rangeCondition("ev.ts", t.ranges, p), ws),
    );
  });
  const total = targets.map((_, i) => `(SELECT count(*) FROM t${i}_ins)`).join(" + ");
  return { text: `WITH ${ctes.join(",\n  ")}\nSELECT ${total} AS n`, params: p.values };
}

/**
 * The (cube, grain) rows of the target buckets covered by `ranges`, merged from the cube's `source`
 * rows (a finer grain). Run after the target rows were deleted, in the same transaction.
 */
export function recomputeFromFinerSql(
  workspaceId: number,
  cube: CubeName,
  grain: Grain,
  source: Grain,
  ranges: readonly Range[],
): Statement {
  const p = new Params();
  const ws = p.add(workspaceId);
  const cols = [
    `date_trunc('${grain}', s.bucket, 'UTC') AS bucket`,
    dimList(cube, "s."),
    ...BASE_COLUMN_NAMES.map((b) => `s.${ident(b)}`),
    ...SKETCH_NAMES.flatMap((k) => [`s.${ident(`${k}_keys`)}`, `s.${ident(`${k}_cum`)}`]),
  ];
  const ev = `ev AS MATERIALIZED (SELECT ${cols.join(", ")} FROM ${ident(CUBES[cube].table)} s
    WHERE s.workspace_id = ${ws} AND s.grain = '${source}' AND ${rangeCondition("s.bucket", ranges, p)})`;
  const ctes = [ev, ...targetCtes("t_", cube, grain, source, "bucket", "true", ws)];
  return { text: `WITH ${ctes.join(",\n  ")}\nSELECT (SELECT count(*) FROM t_ins) AS n`, params: p.values };
}

function mergeRanges(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const r of [...ranges].sort((a, b) => a.lo - b.lo)) {
    const last = out[out.length - 1];
    if (last && last.hi >= r.lo) last.hi = Math.max(last.hi, r.hi);
    else out.push({ ...r });
  }
  return out;
}

/** Deletes the (cube, grain) rows of the buckets starting at $2 (timestamptz[]). */
export function deleteRowsSql(cube: CubeName, grain: Grain): string {
  return `DELETE FROM ${ident(CUBES[cube].table)} WHERE workspace_id = $1 AND grain = '${grain}' AND bucket = ANY($2::timestamptz[])`;
}

/** Deletes the (cube, grain) rows whose bucket lies in the ranges (minute rows of refreshed hours). */
export function deleteRowsInRangesSql(workspaceId: number, cube: CubeName, grain: Grain, ranges: readonly Range[]): Statement {
  const p = new Params();
  const ws = p.add(workspaceId);
  return {
    text: `DELETE FROM ${ident(CUBES[cube].table)} WHERE workspace_id = ${ws} AND grain = '${grain}' AND ${rangeCondition("bucket", ranges, p)}`,
    params: p.values,
  };
}

/** Deletes a cube's rows of a grain older than $2 (retention). */
export function pruneRowsSql(cube: CubeName, grain: Grain): string {
  return `DELETE FROM ${ident(CUBES[cube].table)} WHERE workspace_id = $1 AND grain = '${grain}' AND bucket < $2`;
}
