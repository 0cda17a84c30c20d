import type { SqlExecutor } from "@/lib/db/sql";
import type { SketchName } from "@/lib/rollups/base-columns";
import { SketchMerger, sketchValue } from "@/lib/rollups/sketch";
import { measureSpec, type Measure } from "./measures";
import type { MetricsQuery } from "./query-schema";
import { Params, sketchSql, type SourceSpec } from "./query-sql";

type Row = Record<string, string | number | null>;

/** "12,13,17" → [12, 13, 17] (integers written by Postgres' array_to_string). */
function parseList(text: string): Float64Array {
  const parts = text.split(",");
  const out = new Float64Array(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = +(parts[i] as string);
  return out;
}

/**
 * Fills the percentile measures of `rows` (one per output bucket and series, `bi` set): fetches the
 * sketch bins of every source row, ordered by group, merges each group's bins and reads the quantiles.
 * Groups without events keep null. `series`: restrict the fetch to these dimension tuples.
 */
export async function computePercentiles(
  tx: SqlExecutor,
  spec: SourceSpec,
  q: MetricsQuery,
  sketches: readonly SketchName[],
  rows: Row[],
  series: string[][] | null,
): Promise<void> {
  const keyOf = (bi: unknown, r: Record<string, unknown>) => [String(bi), ...q.dimensions.map((d) => String(r[d] ?? ""))].join("\u0001");
  const byGroup = new Map<string, Row>();
  for (const r of rows) byGroup.set(keyOf(r.bi, r), r);
  const merger = new SketchMerger();
  for (const sketch of sketches) {
    const measures = q.measures.filter((m) => {
      const s = measureSpec(m);
      return s.kind === "percentile" && s.sketch === sketch;
    });
    const qs = measures.map((m) => {
      const s = measureSpec(m);
      return s.kind === "percentile" ? s.q : 0.5;
    });
    const p = new Params();
    const text = sketchSql(spec, sketch, qs, p, series);
    if (!text) continue;
    type SketchRow = Record<string, unknown> & { bi: number; qkeys: number[] | null; keys: string | null; cum: string | null };
    const result = await tx.query<SketchRow>(text, p.values);
    const set = (key: string, values: (number | null)[]) => {
      const row = byGroup.get(key);
      if (!row) return;
      measures.forEach((m: Measure, i) => {
        const v = values[i];
        row[m] = v === null || v === undefined ? null : Math.round(v * 100) / 100;
      });
    };
    let current: string | null = null;
    const flush = () => {
      if (current !== null) set(current, merger.quantiles(qs));
      merger.reset();
      current = null;
    };
    for (const r of result) {
      const key = keyOf(r.bi, r);
      if (key !== current) flush();
      if (r.qkeys) {
        // Answered by Postgres from the group's single row.
        set(key, r.qkeys.map((k) => (k === null ? null : sketchValue(k))));
        continue;
      }
      current = key;
      if (r.keys && r.cum) merger.add(parseList(r.keys), parseList(r.cum));
    }
    flush();
  }
}
