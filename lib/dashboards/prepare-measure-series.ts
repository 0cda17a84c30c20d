import { listBuckets, bucketKey, type Granularity } from "./time-buckets";
import { MEASURE_DISPLAY, toDecimal, toPlotNumber, type MeasureName } from "./measure-display";
import { exactString, seriesKey, type ChartData, type MetricsRow } from "./chart-data";

export type MeasureSeriesInput = {
  rows: readonly MetricsRow[];
  from: Date;
  to: Date;
  granularity: Granularity;
  /** One line/area per measure; all must share one display format (one value axis). */
  measures: readonly MeasureName[];
  labels?: Partial<Record<MeasureName, string>>;
};

/**
 * Time series of several measures without a dimension (e.g. p50/p95/p99 latency, or spend list vs
 * effective). Every bucket of the range is present; a bucket with no row is 0 for additive measures and a
 * gap (null) for ratios and percentiles — the measure's own `empty` rule, never a guess.
 */
export function prepareMeasureSeries(input: MeasureSeriesInput): ChartData {
  const first = input.measures[0];
  if (first === undefined) throw new Error("prepareMeasureSeries needs at least one measure");
  const format = MEASURE_DISPLAY[first].format;
  for (const m of input.measures) {
    if (MEASURE_DISPLAY[m].format !== format)
      throw new Error(`measures on one chart must share a format: ${first} is ${format}, ${m} is ${MEASURE_DISPLAY[m].format}`);
  }

  const byBucket = new Map<number, MetricsRow>();
  for (const row of input.rows) {
    const k = bucketKey(row.bucket);
    if (k !== null) byBucket.set(k, row);
  }

  const series = input.measures.map((m, i) => ({
    key: seriesKey(i),
    label: input.labels?.[m] ?? MEASURE_DISPLAY[m].label,
    total: null as string | null,
  }));
  const totals = input.measures.map((m) => (MEASURE_DISPLAY[m].empty === "zero" ? toDecimal(0) : null));
  let hasData = false;

  const points = listBuckets(input.from, input.to, input.granularity).map((b) => {
    const t = b.getTime();
    const row = byBucket.get(t);
    const v: Record<string, number | null> = {};
    const x: Record<string, string | null> = {};
    input.measures.forEach((m, i) => {
      const key = seriesKey(i);
      const raw = row?.[m];
      const zeroIfEmpty = MEASURE_DISPLAY[m].empty === "zero";
      const exact = exactString(raw) ?? (zeroIfEmpty ? "0" : null);
      x[key] = exact;
      v[key] = exact === null ? null : toPlotNumber(exact);
      if (row !== undefined && exactString(raw) !== null && (!zeroIfEmpty || toDecimal(raw)?.isZero() === false)) hasData = true;
      const total = totals[i];
      if (total && exact !== null) totals[i] = total.plus(toDecimal(exact) ?? 0);
    });
    return { t, v, x };
  });

  series.forEach((s, i) => {
    s.total = totals[i]?.toFixed() ?? null;
  });
  return { granularity: input.granularity, format, series, points, hasData };
}
