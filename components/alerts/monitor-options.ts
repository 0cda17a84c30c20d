import { MEASURE_DISPLAY } from "@/lib/dashboards/measure-display";
import { MEASURE_NAMES } from "@/lib/metrics/measures";
import { DIMENSION_NAMES } from "@/lib/rollups/dimensions";
import type { Option } from "./monitor-form";

/** Every measure of the metrics engine, by its display name (the API name in brackets: it is what the API takes). */
export const MEASURE_OPTIONS: Option[] = MEASURE_NAMES.map((m) => ({ value: m, label: `${MEASURE_DISPLAY[m].label} (${m})` }));

export const DIMENSION_OPTIONS: Option[] = DIMENSION_NAMES.map((d) => ({
  value: d,
  label: d[0]!.toUpperCase() + d.slice(1).replace("_", " "),
}));

export function measureLabel(m: string): string {
  return (MEASURE_DISPLAY as Record<string, { label: string }>)[m]?.label ?? m;
}
