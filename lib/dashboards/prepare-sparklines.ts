import { bucketKey, listBuckets, type Granularity } from "./time-buckets";
import { MEASURE_DISPLAY, toPlotNumber, type MeasureName } from "./measure-display";
import { exactString, type MetricsRow } from "./chart-data";
import { rowKeyOf } from "./prepare-measure-table";

export type SparkPoint = { t: number; v: number | null; x: string | null };

/**
 * One small trend per table row (e.g. per provider/model of the vendor matrix) from a time series grouped
 * by the table's dimensions. Every bucket is present: 0 for additive measures, a gap for percentiles.
 */
export function prepareSparklines(input: {
  rows: readonly MetricsRow[];
  dimensions: readonly string[];
  measure: MeasureName;
  from: Date;
  to: Date;
  granularity: Granularity;
}): Record<string, SparkPoint[]> {
  const zero = MEASURE_DISPLAY[input.measure].empty === "zero";
  const cells = new Map<string, Map<number, string | null>>();
  for (const r of input.rows) {
    const t = bucketKey(r.bucket);
    if (t === null) continue;
    const key = rowKeyOf(r, input.dimensions);
    if (!cells.has(key)) cells.set(key, new Map());
    cells.get(key)!.set(t, exactString(r[input.measure]));
  }
  const buckets = listBuckets(input.from, input.to, input.granularity).map((b) => b.getTime());
  const out: Record<string, SparkPoint[]> = {};
  for (const [key, byT] of cells) {
    out[key] = buckets.map((t) => {
      const x = byT.get(t) ?? (zero ? "0" : null);
      return { t, x, v: x === null ? null : toPlotNumber(x) };
    });
  }
  return out;
}
