import { toDecimal, type MetricValue } from "./measure-display";

/**
 * Change of a value against the previous period as a ratio ((now − before) / before), computed in
 * decimals. Null when there is nothing to compare with (no previous value, or it was 0: "new").
 */
export function relativeChange(now: MetricValue, before: MetricValue): number | null {
  const a = toDecimal(now);
  const b = toDecimal(before);
  if (a === null || b === null || b.isZero()) return null;
  return a.minus(b).div(b.abs()).toNumber();
}

export type Trend = "good" | "bad" | "neutral";

/** Whether a change is good news: spend and latency going up is bad, success going up is good. */
export function trendOf(change: number | null, betterWhen: "higher" | "lower" | "neither", tolerance = 0.005): Trend {
  if (change === null || betterWhen === "neither" || Math.abs(change) < tolerance) return "neutral";
  return change > 0 === (betterWhen === "higher") ? "good" : "bad";
}
