import { relativeChange } from "./compare-periods";
import { dimensionLabel } from "./dimension-label";
import { toPlotNumber, type MeasureName } from "./measure-display";
import type { MetricsRow } from "./chart-data";

export type LatencyComparison = {
  key: string;
  /** Dimension values (e.g. provider + model, or route) as shown. */
  label: string;
  values: Record<string, string | null>;
  now: number | null;
  before: number | null;
  /** (now − before) / before; null when either period has no data. */
  change: number | null;
  requestsNow: number;
  requestsBefore: number;
};

export type ComparisonInput = {
  current: readonly MetricsRow[];
  previous: readonly MetricsRow[];
  dimensions: readonly string[];
  measure: Extract<MeasureName, `${string}_ms`>;
  /** Groups with fewer requests than this in either period are too noisy to call a regression. */
  minRequests: number;
};

/**
 * p95 (or another latency measure) per model/route now vs the previous period, worst change first. The
 * regression finder's threshold is applied separately (`findRegressions`) so the client can move it
 * without another query.
 */
export function compareLatency(input: ComparisonInput): LatencyComparison[] {
  const key = (r: MetricsRow) => JSON.stringify(input.dimensions.map((d) => r[d] ?? null));
  const before = new Map(input.previous.map((r) => [key(r), r]));
  const out: LatencyComparison[] = [];
  for (const r of input.current) {
    const k = key(r);
    const p = before.get(k);
    const requestsNow = toPlotNumber(r.requests) ?? 0;
    const requestsBefore = toPlotNumber(p?.requests) ?? 0;
    if (requestsNow < input.minRequests || requestsBefore < input.minRequests) continue;
    const now = toPlotNumber(r[input.measure]);
    const was = toPlotNumber(p?.[input.measure]);
    const values: Record<string, string | null> = {};
    for (const d of input.dimensions) values[d] = r[d] === null || r[d] === undefined ? null : String(r[d]);
    out.push({
      key: k,
      label: input.dimensions.map((d) => dimensionLabel(d, values[d])).join(" / "),
      values,
      now,
      before: was,
      change: relativeChange(now, was),
      requestsNow,
      requestsBefore,
    });
  }
  return out.sort((a, b) => (b.change ?? -Infinity) - (a.change ?? -Infinity) || a.label.localeCompare(b.label));
}

/** Groups whose latency got worse by more than `thresholdPct` percent. */
export function findRegressions(rows: readonly LatencyComparison[], thresholdPct: number): LatencyComparison[] {
  const limit = thresholdPct / 100;
  return rows.filter((r) => r.change !== null && r.change > limit);
}
