import Decimal from "decimal.js";
import { z } from "zod";
import { dimensionSchema, filtersSchema, measureSchema } from "@/lib/metrics/query-schema";
import { DIMENSION_NAMES } from "@/lib/rollups/dimensions";

/** A monitor's window: `5m` … `7d` (minutes, hours or days). */
export const MIN_WINDOW_SECONDS = 300;
export const MAX_WINDOW_SECONDS = 7 * 86_400;
const UNIT_SECONDS = { m: 60, h: 3600, d: 86_400 } as const;

export function parseWindow(text: string): number | null {
  const m = /^([1-9]\d{0,5})([mhd])$/.exec(text);
  return m ? Number(m[1]) * UNIT_SECONDS[m[2] as keyof typeof UNIT_SECONDS] : null;
}

/** Seconds → the largest whole unit (`300` → `5m`, `3600` → `1h`, `90000` → `25h`). */
export function formatWindow(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return `${Math.round(seconds / 60)}m`;
}

const windowSchema = z.string().refine(
  (v) => {
    const s = parseWindow(v);
    return s !== null && s >= MIN_WINDOW_SECONDS && s <= MAX_WINDOW_SECONDS;
  },
  { error: "must be a duration from 5m to 7d, e.g. 5m, 1h, 7d" },
);

/** A threshold: a JSON number or a decimal string, kept as an exact decimal string (money stays exact). */
const thresholdSchema = z.union([z.number(), z.string()], { error: "must be a number or a decimal string" }).transform((v, ctx) => {
  try {
    const d = new Decimal(typeof v === "number" ? String(v) : v.trim());
    if (d.isFinite() && d.abs().lte("1e15")) return d.toFixed();
  } catch {
    // reported below
  }
  ctx.addIssue({ code: "custom", message: "must be a finite number (at most 1e15)" });
  return z.NEVER;
});

export const OPERATORS = ["gt", "gte", "lt", "lte"] as const;
export type Operator = (typeof OPERATORS)[number];

const fields = {
  name: z.string().trim().min(1, { error: "must not be empty" }).max(200),
  enabled: z.boolean(),
  measure: measureSchema,
  filters: filtersSchema,
  groupBy: z
    .array(dimensionSchema)
    .max(DIMENSION_NAMES.length)
    .refine((g) => new Set(g).size === g.length, { error: "lists a dimension twice" }),
  window: windowSchema,
  operator: z.enum(OPERATORS, { error: "must be one of 'gt', 'gte', 'lt', 'lte'" }),
  alertThreshold: thresholdSchema,
  warningThreshold: thresholdSchema.nullable(),
  minRequests: z.number().int().min(0).max(1_000_000_000),
  forEvaluations: z.number().int().min(1).max(1440),
  noData: z.enum(["ok", "keep", "alert"], { error: "must be one of 'ok', 'keep', 'alert'" }),
  renotifyMinutes: z.number().int().min(0).max(43_200),
  channelIds: z
    .array(z.number().int().positive())
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { error: "lists a channel twice" }),
};

function checkWarning(m: { operator: Operator; alertThreshold: string; warningThreshold?: string | null }, ctx: z.RefinementCtx) {
  if (m.warningThreshold === null || m.warningThreshold === undefined) return;
  const upward = m.operator === "gt" || m.operator === "gte";
  const w = new Decimal(m.warningThreshold);
  const ok = upward ? w.lt(m.alertThreshold) : w.gt(m.alertThreshold);
  if (!ok) {
    ctx.addIssue({
      code: "custom",
      path: ["warningThreshold"],
      message: `must be ${upward ? "below" : "above"} alertThreshold (a warning comes before the alert)`,
    });
  }
}

/** POST /api/v1/monitors (and the unsaved rule of a preview). */
export const monitorInputSchema = z
  .strictObject({
    ...fields,
    enabled: fields.enabled.default(true),
    filters: fields.filters.default({}),
    groupBy: fields.groupBy.default([]),
    warningThreshold: fields.warningThreshold.default(null),
    minRequests: fields.minRequests.default(0),
    forEvaluations: fields.forEvaluations.default(1),
    noData: fields.noData.default("keep"),
    renotifyMinutes: fields.renotifyMinutes.default(0),
    channelIds: fields.channelIds.default([]),
  })
  .superRefine(checkWarning);

export type MonitorInput = z.output<typeof monitorInputSchema>;

/** PATCH: any subset; the merged monitor is validated again as a whole. */
export const monitorPatchSchema = z.strictObject(
  Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.optional()])) as {
    [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
  },
);
