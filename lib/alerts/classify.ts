import Decimal from "decimal.js";
import type { Operator } from "./monitor-schema";
import type { Outcome } from "./transition";

export type Thresholds = { operator: Operator; alertThreshold: string; warningThreshold: string | null; minRequests: number };

export function breaches(value: string, operator: Operator, threshold: string): boolean {
  const c = new Decimal(value).comparedTo(threshold);
  return operator === "gt" ? c > 0 : operator === "gte" ? c >= 0 : operator === "lt" ? c < 0 : c <= 0;
}

/**
 * One group's evaluation → its outcome. No events in the window (or no value: a ratio over nothing, an
 * empty percentile) is `no-data`; fewer requests than the rule's minimum is `low-traffic` (too little to
 * judge); otherwise the value is compared exactly (decimals, never floats) with the thresholds.
 */
export function classify(value: string | number | null | undefined, requests: number, t: Thresholds): Outcome {
  if (requests <= 0 || value === null || value === undefined) return "no-data";
  if (requests < t.minRequests) return "low-traffic";
  const v = String(value);
  if (breaches(v, t.operator, t.alertThreshold)) return "breach-critical";
  if (t.warningThreshold !== null && breaches(v, t.operator, t.warningThreshold)) return "breach-warning";
  return "ok";
}
