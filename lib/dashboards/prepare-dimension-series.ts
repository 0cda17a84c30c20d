import Decimal from "decimal.js";
import { listBuckets, bucketKey, type Granularity } from "./time-buckets";
import { MEASURE_DISPLAY, toDecimal, toPlotNumber, type MeasureName } from "./measure-display";
import { exactString, seriesKey, type ChartData, type MetricsRow } from "./chart-data";
import { dimensionLabel } from "./dimension-label";

export type DimensionSeriesInput = {
  rows: readonly MetricsRow[];
  /** Row field holding the dimension value (snake_case dimension name, e.g. "provider"). */
  dimension: string;
  measure: MeasureName;
  from: Date;
  to: Date;
  granularity: Granularity;
  /** Most series drawn; the rest become "Other" (additive measures) or are left out (ratios, percentiles). */
  maxSeries?: number;
  /** Explicit ranking of dimension values (e.g. by request volume) — needed for percentiles, which cannot be summed. */
  rank?: readonly (string | null)[];
};

export type DimensionChartData = ChartData & {
  /** Dimension values not drawn as their own series (folded into "Other" or omitted). */
  omitted: number;
  /** The dimension value of each series, in series order (null = events without a value; "__other__" = the rest). */
  values: (string | null)[];
};

export const OTHER_KEY = "__other__";

/**
 * One series per dimension value over time (spend stacked by provider, p95 per model). Top values by
 * their total (or the given ranking) keep their own series; for additive measures the long tail is summed
 * exactly into "Other" so the stack still adds up to the page total. Empty cells follow the measure's
 * rule: 0 for additive, a gap for ratios and percentiles — a percentile of nothing is not 0 ms.
 */
export function prepareDimensionSeries(input: DimensionSeriesInput): DimensionChartData {
  const display = MEASURE_DISPLAY[input.measure];
  const additive = display.empty === "zero";
  const maxSeries = Math.max(1, input.maxSeries ?? 6);

  const cells = new Map<string, Map<number, string>>(); // dimension value → bucket → exact value
  const totals = new Map<string, Decimal>();
  for (const row of input.rows) {
    const t = bucketKey(row.bucket);
    if (t === null) continue;
    const dim = valueKey(row[input.dimension]);
    const exact = exactString(row[input.measure]);
    if (!cells.has(dim)) cells.set(dim, new Map());
    if (exact === null) continue;
    cells.get(dim)!.set(t, exact);
    totals.set(dim, (totals.get(dim) ?? new Decimal(0)).plus(toDecimal(exact) ?? 0));
  }

  const ranked = rankValues([...cells.keys()], totals, input.rank);
  const needsOther = additive && ranked.length > maxSeries;
  const shown = ranked.slice(0, needsOther ? maxSeries - 1 : maxSeries);
  const rest = ranked.slice(shown.length);

  const values: (string | null)[] = shown.map(fromKey);
  const series = shown.map((dim, i) => ({
    key: seriesKey(i),
    label: dimensionLabel(input.dimension, fromKey(dim)),
    total: additive ? (totals.get(dim) ?? new Decimal(0)).toFixed() : null,
  }));
  if (needsOther) {
    values.push(OTHER_KEY);
    const otherTotal = rest.reduce((sum, d) => sum.plus(totals.get(d) ?? 0), new Decimal(0));
    series.push({ key: seriesKey(shown.length), label: `Other (${rest.length})`, total: otherTotal.toFixed() });
  }

  let hasData = false;
  const points = listBuckets(input.from, input.to, input.granularity).map((b) => {
    const t = b.getTime();
    const v: Record<string, number | null> = {};
    const x: Record<string, string | null> = {};
    shown.forEach((dim, i) => {
      const exact = cells.get(dim)?.get(t) ?? (additive ? "0" : null);
      x[seriesKey(i)] = exact;
      v[seriesKey(i)] = exact === null ? null : toPlotNumber(exact);
      if (exact !== null && (!additive || !new Decimal(exact).isZero())) hasData = true;
    });
    if (needsOther) {
      const sum = rest.reduce((acc, d) => acc.plus(cells.get(d)?.get(t) ?? 0), new Decimal(0));
      const key = seriesKey(shown.length);
      x[key] = sum.toFixed();
      v[key] = sum.toNumber();
      if (!sum.isZero()) hasData = true;
    }
    return { t, v, x };
  });

  return { granularity: input.granularity, format: display.format, series, points, hasData, omitted: rest.length, values };
}

/** Null dimension values (events sent without a tenant, say) get a key that cannot clash with a real value. */
const NULL_KEY = "\u0000null";
function valueKey(v: unknown): string {
  return v === null || v === undefined || v === "" ? NULL_KEY : String(v);
}
function fromKey(k: string): string | null {
  return k === NULL_KEY ? null : k;
}

function rankValues(keys: string[], totals: Map<string, Decimal>, rank?: readonly (string | null)[]): string[] {
  if (rank) {
    const order = new Map(rank.map((r, i) => [valueKey(r), i]));
    return [...keys].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));
  }
  return [...keys].sort((a, b) => {
    const diff = (totals.get(b) ?? new Decimal(0)).comparedTo(totals.get(a) ?? new Decimal(0));
    return diff !== 0 ? diff : a.localeCompare(b);
  });
}
