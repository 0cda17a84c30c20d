import type { Granularity } from "./time-buckets";
import type { ValueFormat } from "./measure-display";

/**
 * What a time chart draws, fully prepared on the server (or in a client query callback) by a pure
 * `prepare*` function: render-only chart components take this and nothing else. Serialisable, so it can
 * cross from a server component to a client chart.
 */
export type ChartSeries = {
  /** Stable, index-based key ("s0", "s1", …): dimension values such as "gpt-4.1" contain dots that chart libraries read as paths. */
  key: string;
  label: string;
  /** Exact total over the range for additive series (decimal string); null for ratios and percentiles. */
  total: string | null;
};

export type ChartPoint = {
  /** Bucket start, epoch ms (UTC). */
  t: number;
  /** Plotted value per series key; null draws a gap. */
  v: Record<string, number | null>;
  /** Exact value per series key for tooltips and the table view (decimal string), null where there is no data. */
  x: Record<string, string | null>;
};

export type ChartData = {
  granularity: Granularity;
  format: ValueFormat;
  series: ChartSeries[];
  points: ChartPoint[];
  /** False when no bucket has any value: the card shows its empty state instead of a flat line. */
  hasData: boolean;
};

/** The query rows the engine returns: bucket (when a granularity was asked), dimensions, measures. */
export type MetricsRow = Record<string, string | number | null | undefined>;

export function seriesKey(index: number): string {
  return `s${index}`;
}

export function exactString(v: string | number | null | undefined): string | null {
  if (v === null || v === undefined || v === "") return null;
  return typeof v === "number" ? (Number.isFinite(v) ? String(v) : null) : v;
}
