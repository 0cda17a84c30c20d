import { relativeChange, trendOf, type Trend } from "./compare-periods";
import { exactString, type MetricsRow } from "./chart-data";
import { MEASURE_DISPLAY, type MeasureName, type ValueFormat } from "./measure-display";

export type KpiSpec = { id: string; measure: MeasureName; label?: string; betterWhen: "higher" | "lower" | "neither" };

export type Kpi = {
  id: string;
  label: string;
  format: ValueFormat;
  measure: MeasureName;
  /** Exact value as the engine returned it (decimal string for money), null when undefined (no data). */
  value: string | null;
  previous: string | null;
  change: number | null;
  trend: Trend;
};

/**
 * Headline numbers with their change against the previous period, from two totals rows (one metrics
 * query per period, no dimensions, no granularity). The value is kept exactly as the engine answered, so
 * the page shows the API's number, only formatted.
 */
export function prepareKpis(specs: readonly KpiSpec[], current: MetricsRow | undefined, previous: MetricsRow | undefined): Kpi[] {
  return specs.map((s) => {
    const display = MEASURE_DISPLAY[s.measure];
    const zero = display.empty === "zero" ? "0" : null;
    const value = exactString(current?.[s.measure]) ?? zero;
    const before = exactString(previous?.[s.measure]) ?? zero;
    const change = relativeChange(value, before);
    return {
      id: s.id,
      label: s.label ?? display.label,
      format: display.format,
      measure: s.measure,
      value,
      previous: before,
      change,
      trend: trendOf(change, s.betterWhen),
    };
  });
}
