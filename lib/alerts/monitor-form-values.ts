import { DIMENSION_NAMES, DIMENSIONS, type Dimension } from "@/lib/rollups/dimensions";
import type { MonitorView } from "./monitor-store";

/**
 * The monitor form's state and its translation to the API body. The form keeps what the user typed
 * (numbers as text); the server validates and names the offending field, so nothing is second-guessed here
 * beyond turning digits into JSON numbers.
 */
export type MonitorFormValues = {
  name: string;
  enabled: boolean;
  measure: string;
  filters: { dimension: Dimension; values: string }[];
  groupBy: string[];
  window: string;
  operator: "gt" | "gte" | "lt" | "lte";
  alertThreshold: string;
  warningThreshold: string;
  minRequests: string;
  forEvaluations: string;
  noData: "ok" | "keep" | "alert";
  renotifyMinutes: string;
  channelIds: number[];
};

const DIMENSION_OF_FILTER_KEY = new Map<string, Dimension>(DIMENSION_NAMES.map((d) => [DIMENSIONS[d].filterKey, d]));

export function defaultMonitorValues(): MonitorFormValues {
  return {
    name: "",
    enabled: true,
    measure: "error_rate",
    filters: [],
    groupBy: [],
    window: "5m",
    operator: "gt",
    alertThreshold: "",
    warningThreshold: "",
    minRequests: "0",
    forEvaluations: "1",
    noData: "keep",
    renotifyMinutes: "0",
    channelIds: [],
  };
}

export function monitorFormValues(m: MonitorView): MonitorFormValues {
  return {
    name: m.name,
    enabled: m.enabled,
    measure: m.measure,
    filters: Object.entries(m.filters).flatMap(([key, values]) => {
      const dimension = DIMENSION_OF_FILTER_KEY.get(key);
      return dimension ? [{ dimension, values: values.map((v) => v ?? "").join(", ") }] : [];
    }),
    groupBy: m.groupBy,
    window: m.window,
    operator: m.operator,
    alertThreshold: m.alertThreshold,
    warningThreshold: m.warningThreshold ?? "",
    minRequests: String(m.minRequests),
    forEvaluations: String(m.forEvaluations),
    noData: m.noData,
    renotifyMinutes: String(m.renotifyMinutes),
    channelIds: m.channelIds,
  };
}

/** Digits become a JSON number; anything else is sent as typed so the server's 400 names the field. */
const intOrRaw = (text: string): number | string => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : text.trim());

/** Comma-separated filter values; repeated filters on one dimension are merged. Empty rows are dropped. */
export function filtersBody(rows: MonitorFormValues["filters"]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of rows) {
    const values = r.values
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length === 0) continue;
    const key = DIMENSIONS[r.dimension].filterKey;
    out[key] = [...new Set([...(out[key] ?? []), ...values])];
  }
  return out;
}

/** The body of POST /api/v1/monitors, PATCH /monitors/{id} (every field: the form is the whole rule) and a preview. */
export function monitorBody(v: MonitorFormValues) {
  return {
    name: v.name,
    enabled: v.enabled,
    measure: v.measure,
    filters: filtersBody(v.filters),
    groupBy: v.groupBy,
    window: v.window.trim(),
    operator: v.operator,
    alertThreshold: v.alertThreshold.trim(),
    warningThreshold: v.warningThreshold.trim() === "" ? null : v.warningThreshold.trim(),
    minRequests: intOrRaw(v.minRequests),
    forEvaluations: intOrRaw(v.forEvaluations),
    noData: v.noData,
    renotifyMinutes: intOrRaw(v.renotifyMinutes),
    channelIds: v.channelIds,
  };
}

/**
 * An API error body → one message per top-level form field (`filters.provider.0` belongs to `filters`,
 * `monitor.window` of a preview to `window`); issues without a field go under "".
 */
export function fieldErrors(body: unknown): Record<string, string> {
  const err = (body as { error?: { message?: unknown; details?: unknown } } | null)?.error;
  const out: Record<string, string> = {};
  const details = Array.isArray(err?.details) ? (err.details as { path?: unknown; message?: unknown }[]) : [];
  for (const d of details) {
    const path = typeof d.path === "string" ? d.path.replace(/^monitor\./, "") : "";
    const field = path.split(".")[0] ?? "";
    if (!(field in out)) out[field] = typeof d.message === "string" ? d.message : "is invalid";
  }
  if (details.length === 0 && typeof err?.message === "string") out[""] = err.message;
  return out;
}
