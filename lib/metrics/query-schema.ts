import { z } from "zod";
import { INSTANT_BOUNDS_MESSAGE, isWithinInstantBounds } from "@/lib/date-range/instant-bounds";
import { DIMENSION_NAMES, DIMENSIONS, type Dimension } from "@/lib/rollups/dimensions";
import { MEASURE_NAMES, measureSpec, type Measure } from "./measures";

/**
 * The body of POST /api/v1/metrics/query. Unknown fields, measures and dimensions are refused with a
 * message naming the valid ones; the time range is required and bounded per granularity (MAX_RANGE_DAYS)
 * so no request can turn into an unbounded scan.
 */
export const GRANULARITIES = ["minute", "hour", "day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Longest [from, to) per granularity (none = one row per series for the whole range). */
export const MAX_RANGE_DAYS: Record<Granularity | "none", number> = {
  minute: 2,
  hour: 92,
  day: 732,
  week: 1_100,
  month: 1_830,
  none: 732,
};

export const MAX_LIMIT = 10_000;
export const MAX_FILTER_VALUES = 200;
const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat costs milliseconds: remember the answer per zone name.
const knownZones = new Map<string, boolean>([["UTC", true]]);

function isTimeZone(tz: string): boolean {
  let ok = knownZones.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    if (knownZones.size < 1_000) knownZones.set(tz, ok);
  }
  return ok;
}

const list = <T extends string>(names: readonly T[]) => names.map((n) => `'${n}'`).join(", ");

export const measureSchema = z.string().refine((v): v is Measure => (MEASURE_NAMES as string[]).includes(v), {
  error: (iss) => `unknown measure '${String(iss.input)}'; valid measures: ${list(MEASURE_NAMES)}`,
});
export const dimensionSchema = z.string().refine((v): v is Dimension => (DIMENSION_NAMES as string[]).includes(v), {
  error: (iss) => `unknown dimension '${String(iss.input)}'; valid dimensions: ${list(DIMENSION_NAMES)}`,
});

/** A filter: the values to keep (any of them); null matches events without that field. */
const filterValues = z
  .array(
    z
      .string()
      .min(1, { error: "must not be empty (use null for events without a value)" })
      .max(500)
      // PostgreSQL text cannot hold NUL (22021): no stored value has one, so it is a client error.
      .refine((v) => !v.includes("\u0000"), { error: "must not contain a NUL character" })
      .nullable(),
  )
  .min(1, { error: "must list at least one value (omit the filter to keep everything)" })
  .max(MAX_FILTER_VALUES, { error: `must list at most ${MAX_FILTER_VALUES} values` });

export const filtersSchema = z.strictObject(
  Object.fromEntries(DIMENSION_NAMES.map((d) => [DIMENSIONS[d].filterKey, filterValues.optional()])) as {
    [D in Dimension as (typeof DIMENSIONS)[D]["filterKey"]]: z.ZodOptional<typeof filterValues>;
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `unknown filter; valid filters: ${list(DIMENSION_NAMES.map((d) => DIMENSIONS[d].filterKey))}`
        : undefined,
  },
);

const orderBySchema = z.strictObject({
  /** A requested measure or dimension, or "bucket". */
  field: z.string(),
  direction: z.enum(["asc", "desc"]).default("desc"),
});

const instant = z.iso
  .datetime({ offset: true, error: "must be an RFC 3339 date-time with a zone, e.g. 2026-11-01T00:00:00Z" })
  .refine((v) => isWithinInstantBounds(Date.parse(v)), { error: INSTANT_BOUNDS_MESSAGE });

export const metricsQuerySchema = z
  .strictObject({
    from: instant,
    to: instant,
    measures: z.array(measureSchema).min(1, { error: "list at least one measure" }).max(MEASURE_NAMES.length),
    dimensions: z.array(dimensionSchema).max(DIMENSION_NAMES.length).default([]),
    granularity: z.enum(GRANULARITIES, { error: `must be one of ${list(GRANULARITIES)}` }).optional(),
    /** IANA zone for bucket boundaries (day, week, month; hour in zones with half-hour offsets). UTC by default. */
    timezone: z
      .string()
      .refine(isTimeZone, { error: (iss) => `unknown time zone '${String(iss.input)}' (use an IANA name such as Europe/Berlin)` })
      .default("UTC"),
    filters: filtersSchema.default({}),
    orderBy: z.array(orderBySchema).max(3).optional(),
    /** Rows (no granularity) or series (with granularity) to return, best first by orderBy. */
    limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
  })
  .superRefine((q, ctx) => {
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (!(from < to)) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after 'from'" });
    const span = q.granularity ?? "none";
    const maxDays = MAX_RANGE_DAYS[span];
    if (to - from > maxDays * DAY_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `the range is longer than ${maxDays} days, the maximum ${q.granularity ? `at granularity '${q.granularity}'` : "without a granularity"}`,
      });
    }
    if (new Set(q.measures).size !== q.measures.length)
      ctx.addIssue({ code: "custom", path: ["measures"], message: "lists a measure twice" });
    if (new Set(q.dimensions).size !== q.dimensions.length)
      ctx.addIssue({ code: "custom", path: ["dimensions"], message: "lists a dimension twice" });
    for (const [i, o] of (q.orderBy ?? []).entries()) {
      const isMeasure = (q.measures as string[]).includes(o.field);
      const isDim = (q.dimensions as string[]).includes(o.field);
      if (!isMeasure && !isDim && o.field !== "bucket") {
        ctx.addIssue({
          code: "custom",
          path: ["orderBy", i, "field"],
          message: `'${o.field}' is not a requested measure or dimension (or "bucket")`,
        });
      } else if (o.field === "bucket" && !q.granularity) {
        ctx.addIssue({ code: "custom", path: ["orderBy", i, "field"], message: `"bucket" needs a granularity` });
      } else if (isMeasure && q.granularity && measureSpec(o.field as Measure).kind === "percentile") {
        ctx.addIssue({
          code: "custom",
          path: ["orderBy", i, "field"],
          message: "series of a time series are ranked by additive or ratio measures; order by a percentile without a granularity",
        });
      }
    }
  });

export type MetricsQueryInput = z.input<typeof metricsQuerySchema>;
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;
