import Decimal from "decimal.js";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { measureSpec, type Measure } from "@/lib/metrics/measures";
import { runMetricsQuery } from "@/lib/metrics/run-metrics-query";
import { parseInput } from "@/lib/notifications/parse-input";
import { classify } from "./classify";
import { groupKey, groupOf, type Group } from "./group-key";
import { monitorInputSchema, parseWindow, type MonitorInput } from "./monitor-schema";
import { getMonitor, inputOf } from "./monitor-store";
import { transition, type AlertSnapshot, type AlertState, type Outcome } from "./transition";

export const MAX_PREVIEW_DAYS = 30;
/** Groups a preview shows (the busiest by requests). */
export const PREVIEW_MAX_GROUPS = 20;

export const previewInputSchema = z
  .strictObject({
    /** A saved monitor's id… */
    monitorId: z.number().int().positive().optional(),
    /** …or an unsaved rule (the monitor form's current values). */
    monitor: z.unknown().optional(),
    days: z.number().int().min(1).max(MAX_PREVIEW_DAYS).default(1),
  })
  .refine((p) => (p.monitorId === undefined) !== (p.monitor === undefined), {
    error: "give either monitorId or monitor",
    path: ["monitor"],
  });

/**
 * Ratios recomputed exactly over a sliding window from additive parts (the same definitions as
 * lib/metrics/measures.ts). Additive measures are summed; the other measures (percentiles, ratios of
 * parts the query does not expose) are taken per step and the preview says it is approximate.
 */
const RATIO_PARTS: Partial<Record<Measure, { parts: Measure[]; value: (s: Record<string, Decimal>) => Decimal | null }>> = {
  error_rate: { parts: ["failed_requests", "requests"], value: (s) => div(s.failed_requests!, s.requests!) },
  task_success_rate: { parts: ["successful_tasks", "tasks"], value: (s) => div(s.successful_tasks!, s.tasks!) },
  cache_hit_ratio: { parts: ["cache_read_tokens", "input_tokens"], value: (s) => div(s.cache_read_tokens!, s.input_tokens!) },
  cost_per_successful_task_usd: {
    parts: ["cost_usd", "successful_tasks"],
    value: (s) => div(s.cost_usd!, s.successful_tasks!)?.toDecimalPlaces(10, Decimal.ROUND_HALF_UP) ?? null,
  },
  cost_per_1k_tokens_usd: {
    parts: ["cost_usd", "input_tokens", "output_tokens"],
    value: (s) => div(s.cost_usd!.times(1000), s.input_tokens!.plus(s.output_tokens!))?.toDecimalPlaces(10, Decimal.ROUND_HALF_UP) ?? null,
  },
};

function div(a: Decimal, b: Decimal): Decimal | null {
  return b.isZero() ? null : a.div(b);
}

export type PreviewPoint = { at: string; value: string | null; requests: number; outcome: Outcome; state: AlertState };
export type PreviewPeriod = { group: Group; from: string; to: string | null; severity: "warning" | "critical" };

/**
 * Backtests a rule over the last `days` at a fixed step: ONE metrics query with a granularity (minute
 * when the range allows it, else hour), then each step's window value is rebuilt from the buckets and
 * run through the same transition function the evaluator uses. Returns each group's series and the
 * periods it would have been alerting (warning, firing or no_data).
 */
export async function previewMonitor(db: Pick<Database, "sql">, workspaceId: number, input: unknown, now = new Date()) {
  const p = parseInput(previewInputSchema, input);
  const rule: MonitorInput =
    p.monitorId !== undefined
      ? parseInput(monitorInputSchema, inputOf(await getMonitor(db.sql, workspaceId, p.monitorId)))
      : parseInput(monitorInputSchema, p.monitor, "monitor");
  const windowSeconds = parseWindow(rule.window)!;
  const measure = rule.measure as Measure;
  const spec = measureSpec(measure);

  const rangeSeconds = p.days * 86_400;
  const minuteFits = rangeSeconds + windowSeconds <= 2 * 86_400;
  const step = minuteFits ? 60 : 3600;
  const k = Math.max(1, Math.round(windowSeconds / step));
  const to = Math.floor(now.getTime() / (step * 1000)) * step * 1000;
  const from = to - (rangeSeconds + (k - 1) * step) * 1000;
  const ratio = RATIO_PARTS[measure];
  const exact = spec.kind === "additive" || ratio !== undefined;
  const approximate = !exact || windowSeconds % step !== 0;
  const measures = [...new Set<string>([measure, "requests", ...(ratio?.parts ?? [])])];

  const answer = await runMetricsQuery(db, workspaceId, {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    measures,
    dimensions: rule.groupBy,
    filters: rule.filters,
    granularity: minuteFits ? "minute" : "hour",
    orderBy: [{ field: "requests", direction: "desc" }],
    limit: PREVIEW_MAX_GROUPS,
  });
  const byGroup = new Map<string, { group: Group; rows: Record<string, unknown>[] }>();
  for (const row of answer.rows) {
    const group = groupOf(row, rule.groupBy);
    const key = groupKey(group);
    if (!byGroup.has(key)) byGroup.set(key, { group, rows: [] });
    byGroup.get(key)!.rows.push(row);
  }

  const policy = { forEvaluations: rule.forEvaluations, renotifyMinutes: 0, noData: rule.noData };
  const series: { group: Group; points: PreviewPoint[] }[] = [];
  const periods: PreviewPeriod[] = [];
  for (const { group, rows } of byGroup.values()) {
    rows.sort((a, b) => Date.parse(String(a.bucket)) - Date.parse(String(b.bucket)));
    let cur: AlertSnapshot = { state: "ok", severity: "critical", streak: 0, acknowledged: false, lastNotifiedAt: null };
    const points: PreviewPoint[] = [];
    let open: PreviewPeriod | null = null;
    for (let i = k - 1; i < rows.length; i++) {
      const win = rows.slice(i - k + 1, i + 1);
      const sum = (m: string) => win.reduce((s, r) => s.plus(String(r[m] ?? 0)), new Decimal(0));
      const requests = sum("requests").toNumber();
      let value: string | null;
      if (spec.kind === "additive") value = spec.money ? sum(measure).toFixed(10) : sum(measure).toFixed();
      else if (ratio) value = ratio.value(Object.fromEntries(ratio.parts.map((m) => [m, sum(m)])))?.toFixed() ?? null;
      else value = rows[i]![measure] === null || rows[i]![measure] === undefined ? null : String(rows[i]![measure]);
      const at = new Date(Date.parse(String(rows[i]!.bucket)) + step * 1000).toISOString();
      const outcome = classify(value, requests, rule);
      cur = transition(cur, outcome, policy, Date.parse(at));
      points.push({ at, value, requests, outcome, state: cur.state });
      const alerting = cur.state === "warning" || cur.state === "firing" || cur.state === "no_data";
      if (alerting && !open) open = { group, from: at, to: null, severity: cur.severity };
      else if (alerting && open && cur.severity === "critical") open.severity = "critical";
      else if (!alerting && open) {
        open.to = at;
        periods.push(open);
        open = null;
      }
    }
    if (open) periods.push(open);
    series.push({ group, points });
  }
  return {
    from: new Date(from + (k - 1) * step * 1000).toISOString(),
    to: new Date(to).toISOString(),
    granularity: minuteFits ? "minute" : "hour",
    stepSeconds: step,
    windowSteps: k,
    approximate,
    measure,
    operator: rule.operator,
    alertThreshold: rule.alertThreshold,
    warningThreshold: rule.warningThreshold,
    series,
    periods,
    meta: { source: answer.meta.source, truncated: answer.meta.truncated, totalSeries: answer.meta.totalSeries },
  };
}
