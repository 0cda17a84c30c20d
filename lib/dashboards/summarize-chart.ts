import Decimal from "decimal.js";
import type { ChartData } from "./chart-data";
import { formatValue } from "./measure-display";
import { bucketLabel } from "./time-buckets";

const GRAIN_WORD = { minute: "minute", hour: "hourly", day: "daily", week: "weekly", month: "monthly" } as const;

/**
 * One or two sentences that say what a chart shows, for screen readers (and as the figure caption):
 * for additive series the total and the largest series; for ratios and percentiles the peak and where
 * it happened, plus how many buckets had no data.
 */
export function summarizeChart(data: ChartData): string {
  if (!data.hasData) return "No data in this range.";
  const grain = `${data.points.length} ${GRAIN_WORD[data.granularity]} ${data.points.length === 1 ? "bucket" : "buckets"}`;
  const additive = data.series.every((s) => s.total !== null);
  if (additive) {
    const total = data.series.reduce((sum, s) => sum.plus(s.total ?? 0), new Decimal(0));
    const largest = [...data.series].sort((a, b) => new Decimal(b.total ?? 0).comparedTo(a.total ?? 0))[0];
    const parts = [
      `${data.series.length === 1 ? "One series" : `${data.series.length} series`} over ${grain}, total ${formatValue(data.format, total.toFixed())}.`,
    ];
    if (largest && data.series.length > 1) parts.push(`Largest: ${largest.label} with ${formatValue(data.format, largest.total)}.`);
    return parts.join(" ");
  }
  let peak: { label: string; value: number; exact: string; t: number } | null = null;
  let gaps = 0;
  for (const p of data.points) {
    for (const s of data.series) {
      const v = p.v[s.key] ?? null;
      if (v === null) {
        gaps++;
        continue;
      }
      if (!peak || v > peak.value) peak = { label: s.label, value: v, exact: p.x[s.key] ?? String(v), t: p.t };
    }
  }
  const parts = [`${data.series.length === 1 ? "One series" : `${data.series.length} series`} over ${grain}.`];
  if (peak) parts.push(`Highest: ${formatValue(data.format, peak.exact)} (${peak.label}, ${bucketLabel(peak.t, data.granularity)}).`);
  if (gaps > 0)
    parts.push(gaps === 1 ? "1 point has no data and is drawn as a gap." : `${gaps} points have no data and are drawn as gaps.`);
  return parts.join(" ");
}
