import type { PreviewPeriod, PreviewPoint } from "./preview-monitor";

/** What POST /api/v1/monitors/preview answers (the fields the chart uses). */
export type PreviewAnswer = {
  from: string;
  to: string;
  stepSeconds: number;
  approximate: boolean;
  measure: string;
  operator: string;
  alertThreshold: string;
  warningThreshold: string | null;
  series: { group: Record<string, string>; points: PreviewPoint[] }[];
  periods: PreviewPeriod[];
};

export type BacktestChart = {
  /** One row per step: `t` (epoch ms) and each series' value under its key (null = no value: a gap). */
  points: ({ t: number } & Record<string, number | null>)[];
  series: { key: string; label: string }[];
  alertThreshold: number;
  warningThreshold: number | null;
  /** Shaded spans where the rule would have been alerting, per shown series; `to` is the last step when still open. */
  areas: { seriesKey: string; from: number; to: number; severity: "warning" | "critical" }[];
  /** Groups in the answer beyond the ones shown. */
  hiddenGroups: number;
  hasData: boolean;
  /** The largest value shown: every group's panel shares the y scale, so groups compare at a glance. */
  maxValue: number;
  /** Few values: draw each as a dot too, or a short burst in a long range is invisible as a line. */
  dots: boolean;
};

const SPARSE_VALUES = 120;

/** `provider=openai, model=gpt-4o`; "" (events without the dimension) shows as "(none)"; an ungrouped rule is "all". */
export function groupLabel(group: Record<string, string>): string {
  const entries = Object.entries(group);
  if (entries.length === 0) return "all";
  return entries.map(([k, v]) => `${k}=${v === "" ? "(none)" : v}`).join(", ");
}

const sameGroup = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * A backtest answer → the line chart: the `maxSeries` first groups (the answer lists the busiest first), values as
 * plot numbers (exact decimals stay in the API; a chart only needs pixels), the thresholds and the alerting periods.
 */
export function prepareBacktestChart(answer: PreviewAnswer, maxSeries = 4): BacktestChart {
  const shown = answer.series.slice(0, maxSeries);
  const series = shown.map((s, i) => ({ key: `s${i}`, label: groupLabel(s.group) }));
  const rows = new Map<number, { t: number } & Record<string, number | null>>();
  shown.forEach((s, i) => {
    for (const p of s.points) {
      const t = Date.parse(p.at);
      const row = rows.get(t) ?? ({ t } as { t: number } & Record<string, number | null>);
      const v = p.value === null ? null : Number(p.value);
      row[`s${i}`] = v !== null && Number.isFinite(v) ? v : null;
      rows.set(t, row);
    }
  });
  const points = [...rows.values()].sort((a, b) => a.t - b.t);
  // Every row carries every key, so a series missing at a step is a gap rather than a line drawn across it.
  for (const row of points) for (const s of series) if (!(s.key in row)) row[s.key] = null;
  const lastT = points.length ? points[points.length - 1]!.t : Date.parse(answer.to);
  const areas: BacktestChart["areas"] = [];
  for (const p of answer.periods) {
    const i = shown.findIndex((s) => sameGroup(s.group, p.group));
    if (i < 0) continue;
    areas.push({ seriesKey: `s${i}`, from: Date.parse(p.from), to: p.to === null ? lastT : Date.parse(p.to), severity: p.severity });
  }
  return {
    points,
    series,
    alertThreshold: Number(answer.alertThreshold),
    warningThreshold: answer.warningThreshold === null ? null : Number(answer.warningThreshold),
    areas,
    hiddenGroups: Math.max(0, answer.series.length - shown.length),
    hasData: points.some((r) => series.some((s) => r[s.key] !== null)),
    maxValue: points.reduce((m, r) => Math.max(m, ...series.map((s) => r[s.key] ?? 0)), 0),
    dots: points.reduce((n, r) => n + series.filter((s) => r[s.key] !== null).length, 0) <= SPARSE_VALUES,
  };
}
