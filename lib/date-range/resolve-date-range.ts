import { DEFAULT_RANGE, loadDateRangeParams, type DateRangeParams, type RangeChoice, type RangePreset } from "./date-range-params";

export type ResolvedDateRange = {
  /** What the control shows as selected; "custom" only when the custom days were valid. */
  choice: RangeChoice;
  /** Inclusive start. */
  from: Date;
  /** Exclusive end. */
  to: Date;
  label: string;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PRESET_SPAN_MS: Record<RangePreset, number> = { "24h": DAY_MS, "7d": 7 * DAY_MS, "30d": 30 * DAY_MS, "90d": 90 * DAY_MS };
const PRESET_LABEL: Record<RangePreset, string> = {
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
};
/** A custom range longer than this is cut to it: raw-event scans stay bounded until rollups serve them. */
export const MAX_CUSTOM_DAYS = 366;

/**
 * Turns the URL state into a concrete [from, to) window. Invalid custom input (missing day, from after
 * to) falls back to the default preset instead of failing the page: a mangled shared link still renders.
 */
export function resolveDateRange(params: DateRangeParams, now: Date = new Date()): ResolvedDateRange {
  if (params.range === "custom" && params.from && params.to && params.from.getTime() <= params.to.getTime()) {
    const from = startOfUtcDay(params.from);
    let to = new Date(startOfUtcDay(params.to).getTime() + DAY_MS); // the "to" day is included
    if (to.getTime() - from.getTime() > MAX_CUSTOM_DAYS * DAY_MS) to = new Date(from.getTime() + MAX_CUSTOM_DAYS * DAY_MS);
    return { choice: "custom", from, to, label: `${isoDay(from)} – ${isoDay(new Date(to.getTime() - DAY_MS))} (UTC)` };
  }
  const preset: RangePreset = params.range === "custom" ? DEFAULT_RANGE : params.range;
  return { choice: preset, from: new Date(now.getTime() - PRESET_SPAN_MS[preset]), to: now, label: PRESET_LABEL[preset] };
}

/** For server pages: `readDateRange(await searchParams)` (or the promise itself). */
export async function readDateRange(
  searchParams: Promise<Record<string, string | string[] | undefined>> | Record<string, string | string[] | undefined>,
  now: Date = new Date(),
): Promise<ResolvedDateRange> {
  return resolveDateRange(loadDateRangeParams(await searchParams), now);
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
