import { createLoader, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { STACK_BY } from "./cards/spend-over-time";
import { LATENCY_METRICS, PERCENTILES } from "./cards/percentile-by-model";

export const REGRESSION_DIMENSIONS = ["model", "route"] as const;
export type RegressionDimension = (typeof REGRESSION_DIMENSIONS)[number];
export const DEFAULT_THRESHOLD_PCT = 20;

/**
 * URL state of the controls inside cards (stack switch, percentile picker, regression threshold…).
 * Client cards change them shallowly (no server round trip: React Query fetches what is needed), and a
 * server render of a shared link starts from them, so every view stays a link.
 */
export const cardParsers = {
  /** No default: each stacked chart falls back to its own first breakdown (provider on Spend, feature on a tenant). */
  stack: parseAsStringLiteral(STACK_BY),
  lmodel: parseAsString,
  pmetric: parseAsStringLiteral(LATENCY_METRICS).withDefault("latency"),
  pct: parseAsStringLiteral(PERCENTILES).withDefault("p95"),
  threshold: parseAsInteger.withDefault(DEFAULT_THRESHOLD_PCT),
  rdim: parseAsStringLiteral(REGRESSION_DIMENSIONS).withDefault("model"),
  rmetric: parseAsStringLiteral(LATENCY_METRICS).withDefault("latency"),
};

export const loadCardParams = createLoader(cardParsers);

/** Thresholds outside this band are clamped: 0 % flags noise, 1000 % flags nothing. */
export function clampThreshold(pct: number): number {
  if (!Number.isFinite(pct)) return DEFAULT_THRESHOLD_PCT;
  return Math.min(500, Math.max(1, Math.round(pct)));
}
