import { BASE_COLUMNS, BASE_COLUMN_NAMES, SKETCH_NAMES, rawSketchKeySql } from "./base-columns";
import { CUBES, type CubeName } from "./cubes";
import { rawDimensionSql, type Dimension } from "./dimensions";
import type { Grain } from "./grains";

/**
 * SQL of the rollup refresh, built only from the typed registries (cubes, dimensions, base columns,
 * sketches) and typed grains: no identifier ever comes from input. Rows are always recomputed whole
 * from their source (raw events, or the finer rows of the same cube), never patched with deltas: a
 * refresh is idempotent and a rebuild runs exactly the same statements as incremental maintenance.
 */

const ident = (name: string) => `"${name}"`;

function dims(cube: CubeName): readonly Dimension[] {
  return CUBES[cube].dims;
}

function dimList(cube: CubeName, prefix = ""): string {
  return dims(cube)
    .map((d) => `${prefix}${ident(d)}`)
    .join(", ");
}

/**
 * Source rows mapped onto target buckets, as CTE `ev`. Raw: one row per event with its base values and
 * sketch keys. Finer grain: the cube's rows with their sums and sketch arrays.
 * Parameters: see recomputeRowsSql.
 */
function sourceCte(cube: CubeName, grain: Grain, source: Grain | "raw", ranges: number): string {
  if (source === "raw") {
    const cols = [
      `date_trunc('${grain}', e.ts, 'UTC') AS bucket`,
      ...dims(cube).map((d) => `${rawDimensionSql(d)} AS ${ident(d)}`),
      ...BASE_COLUMN_NAMES.map((b) => `${BASE_COLUMNS[b].raw} AS ${ident(b)}`),
      ...SKETCH_NAMES.map((s) => `${rawSketchKeySql(s)} AS ${ident(`${s}_k`)}`),
    ];
    return `ev AS MATERIALIZED (SELECT ${cols.join(", ")} FROM "usage_events" e WHERE e.workspace_id = $1 AND ${rangeCondition("e.ts", ranges)})`;
  }
  const cols = [
    `date_trunc('${grain}', s.bucket, 'UTC') AS bucket`,
    dimList(cube, "s."),
    ...BASE_COLUMN_NAMES.map((b) => `s.${ident(b)}`),
    ...SKETCH_NAMES.flatMap((k) => [`s.${ident(`${k}_keys`)}`, `s.${ident(`${k}_cum`)}`]),
  ];
  return `ev AS MATERIALIZED (SELECT ${cols.join(", ")} FROM ${ident(CUBES[cube].table)} s WHERE s.workspace_id = $1 AND s.grain = '${source}' AND ${rangeCondition("s.bucket", ranges)})`;
}

/**
 * The source rows tagged with their target row's integer id, as CTE `evg`: one hash join per source row,
 * so the per-bin grouping and ordering of the sketches work on (int8, int2) instead of the bucket and
 * every text dimension.
 */
function taggedCte(cube: CubeName, source: Grain | "raw"): string {
  const cols = SKETCH_NAMES.flatMap((s) => (source === "raw" ? [`ev.${ident(`${s}_k`)}`] : [`ev.${ident(`${s}_keys`)}`, `ev.${ident(`${s}_cum`)}`]));
  return `evg AS MATERIALIZED (SELECT g.gid, ${cols.join(", ")} FROM ev JOIN g USING (bucket, ${dimList(cube)}))`;
}

function sumSql(b: (typeof BASE_COLUMN_NAMES)[number]): string {
  // sum(int) is bigint but sum(bigint) is numeric: cast counts back; money stays numeric.
  return BASE_COLUMNS[b].type === "bigint" ? `sum(${ident(b)})::bigint AS ${ident(b)}` : `sum(${ident(b)}) AS ${ident(b)}`;
}

/**
 * Bins of one sketch per target row, as CTE `<sketch>`: (gid, keys[], cum[]) in key order. Finer rows
 * give back their counts as differences of consecutive cumulative counts (three set-returning functions
 * in one target list advance in lockstep).
 */
function sketchCte(sketch: (typeof SKETCH_NAMES)[number], source: Grain | "raw"): string {
  const keys = ident(`${sketch}_keys`);
  const cum = ident(`${sketch}_cum`);
  const bins =
    source === "raw"
      ? `SELECT gid, ${ident(`${sketch}_k`)} AS k, count(*) AS c FROM evg WHERE ${ident(`${sketch}_k`)} IS NOT NULL GROUP BY gid, ${ident(`${sketch}_k`)}`
      : `SELECT gid, k, sum(c) AS c FROM (
           SELECT gid, unnest(${keys}) AS k, unnest(${cum}) - unnest(array_prepend(0::bigint, ${cum}[1:cardinality(${cum}) - 1])) AS c
             FROM evg WHERE cardinality(${keys}) > 0) AS u GROUP BY gid, k`;
  return `${sketch} AS (
      SELECT gid, array_agg(k ORDER BY k) AS keys, array_agg(cum ORDER BY k) AS cum
        FROM (SELECT gid, k, sum(c) OVER (PARTITION BY gid ORDER BY k)::bigint AS cum FROM (${bins}) AS b) AS bins GROUP BY gid)`;
}

/**
 * INSERT of the (cube, grain) rows of the target buckets covered by the source ranges, computed from
 * `source`. Run after deleteRowsSql for the same buckets, in the same transaction. Parameters: $1 the
 * workspace, then one (lo, hi) pair of timestamptz per range (see rangeParams): literal ranges give the
 * planner true row estimates and plan-time partition pruning, which an unnest() join hides.
 */
export function recomputeRowsSql(cube: CubeName, grain: Grain, source: Grain | "raw", ranges: number): string {
  const group = `bucket, ${dimList(cube)}`;
  const table = ident(CUBES[cube].table);
  const columns = [
    "workspace_id",
    "grain",
    "bucket",
    ...dims(cube),
    ...BASE_COLUMN_NAMES,
    ...SKETCH_NAMES.flatMap((s) => [`${s}_keys`, `${s}_cum`]),
  ].map(ident);
  const values = [
    "$1",
    `'${grain}'`,
    "g.bucket",
    dimList(cube, "g."),
    ...BASE_COLUMN_NAMES.map((b) => `g.${ident(b)}`),
    ...SKETCH_NAMES.flatMap((s) => [`COALESCE(${s}.keys, '{}')`, `COALESCE(${s}.cum, '{}')`]),
  ];
  return `WITH ${sourceCte(cube, grain, source, ranges)},
    g AS MATERIALIZED (SELECT row_number() OVER () AS gid, ${group}, ${BASE_COLUMN_NAMES.map(sumSql).join(", ")} FROM ev GROUP BY ${group}),
    ${taggedCte(cube, source)},
    ${SKETCH_NAMES.map((s) => sketchCte(s, source)).join(",\n    ")}
    INSERT INTO ${table} (${columns.join(", ")})
    SELECT ${values.join(", ")}
      FROM g ${SKETCH_NAMES.map((s) => `LEFT JOIN ${s} USING (gid)`).join(" ")}`;
}

/** The `(col >= $n AND col < $n+1) OR …` condition of `ranges` ranges, parameters from $2 on. */
function rangeCondition(column: string, ranges: number): string {
  if (ranges < 1) throw new RangeError("at least one range is needed");
  return `(${Array.from({ length: ranges }, (_, i) => `(${column} >= $${2 + 2 * i} AND ${column} < $${3 + 2 * i})`).join(" OR ")})`;
}

/** Parameters of a statement built with `ranges` ranges: the workspace, then lo/hi per range. */
export function rangeParams(workspaceId: number, runs: readonly { lo: number; hi: number }[]): unknown[] {
  return [workspaceId, ...runs.flatMap((r) => [new Date(r.lo).toISOString(), new Date(r.hi).toISOString()])];
}

/** Deletes the (cube, grain) rows of the buckets starting at $2 (timestamptz[]). */
export function deleteRowsSql(cube: CubeName, grain: Grain): string {
  return `DELETE FROM ${ident(CUBES[cube].table)} WHERE workspace_id = $1 AND grain = '${grain}' AND bucket = ANY($2::timestamptz[])`;
}

/** Deletes the (cube, grain) rows whose bucket lies in the ranges (minute rows of refreshed hours). */
export function deleteRowsInRangesSql(cube: CubeName, grain: Grain, ranges: number): string {
  return `DELETE FROM ${ident(CUBES[cube].table)} WHERE workspace_id = $1 AND grain = '${grain}' AND ${rangeCondition("bucket", ranges)}`;
}

/** Deletes a cube's rows of a grain older than $2 (retention). */
export function pruneRowsSql(cube: CubeName, grain: Grain): string {
  return `DELETE FROM ${ident(CUBES[cube].table)} WHERE workspace_id = $1 AND grain = '${grain}' AND bucket < $2`;
}
