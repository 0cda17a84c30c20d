/**
 * Series colours: mid-tone hues readable on both the light (zinc-50/white) and dark (zinc-900) cards,
 * ordered so neighbours in a stack differ in hue and lightness. "Other" is always neutral grey.
 */
export const SERIES_COLORS = [
  "#6366f1",
  "#14b8a6",
  "#f59e0b",
  "#ec4899",
  "#0ea5e9",
  "#84cc16",
  "#a855f7",
  "#ef4444",
  "#10b981",
  "#f97316",
] as const;
export const OTHER_COLOR = "#a1a1aa";

export function seriesColor(index: number, label?: string): string {
  if (label?.startsWith("Other (")) return OTHER_COLOR;
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? OTHER_COLOR;
}

/** Percentile lines of one metric: light → dark as the percentile rises. */
export const PERCENTILE_COLORS = ["#38bdf8", "#6366f1", "#c026d3"] as const;
