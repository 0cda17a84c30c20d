import { createLoader, parseAsIsoDate, parseAsStringLiteral } from "nuqs/server";

/** The presets offered by the date-range control; "custom" means the `from`/`to` days in the URL. */
export const RANGE_PRESETS = ["24h", "7d", "30d", "90d"] as const;
export const RANGE_CHOICES = [...RANGE_PRESETS, "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type RangeChoice = (typeof RANGE_CHOICES)[number];
export const DEFAULT_RANGE: RangePreset = "7d";

/**
 * One definition of the URL state (`range`, `from`, `to`) for the client control (nuqs hooks) and for
 * server pages (the loader), so a shared link means the same range everywhere. `from`/`to` are UTC days
 * (YYYY-MM-DD) and only count when `range=custom`.
 */
export const dateRangeParsers = {
  range: parseAsStringLiteral(RANGE_CHOICES).withDefault(DEFAULT_RANGE),
  from: parseAsIsoDate,
  to: parseAsIsoDate,
};

export const loadDateRangeParams = createLoader(dateRangeParsers);

export type DateRangeParams = { range: RangeChoice; from: Date | null; to: Date | null };
