import { describe, expect, it } from "vitest";
import { groupLabel, prepareBacktestChart, type PreviewAnswer } from "./prepare-backtest-chart";

const pt = (at: string, value: string | null, state: "ok" | "firing" = "ok") => ({
  at,
  value,
  requests: 10,
  outcome: value === null ? ("no-data" as const) : ("ok" as const),
  state,
});

const answer = (over: Partial<PreviewAnswer> = {}): PreviewAnswer => ({
  from: "2026-11-01T00:00:00.000Z",
  to: "2026-11-01T00:03:00.000Z",
  stepSeconds: 60,
  approximate: false,
  measure: "error_rate",
  operator: "gt",
  alertThreshold: "0.05",
  warningThreshold: null,
  series: [
    {
      group: { provider: "openai" },
      points: [
        pt("2026-11-01T00:01:00.000Z", "0.01"),
        pt("2026-11-01T00:02:00.000Z", "0.2", "firing"),
        pt("2026-11-01T00:03:00.000Z", "0.3", "firing"),
      ],
    },
    { group: { provider: "" }, points: [pt("2026-11-01T00:02:00.000Z", null)] },
  ],
  periods: [{ group: { provider: "openai" }, from: "2026-11-01T00:02:00.000Z", to: null, severity: "critical" }],
  ...over,
});

describe("prepareBacktestChart", () => {
  it("puts every group's value on one row per step, gaps as null", () => {
    const c = prepareBacktestChart(answer());
    expect(c.series).toEqual([
      { key: "s0", label: "provider=openai" },
      { key: "s1", label: "provider=(none)" },
    ]);
    expect(c.points).toEqual([
      { t: Date.parse("2026-11-01T00:01:00Z"), s0: 0.01, s1: null },
      { t: Date.parse("2026-11-01T00:02:00Z"), s0: 0.2, s1: null },
      { t: Date.parse("2026-11-01T00:03:00Z"), s0: 0.3, s1: null },
    ]);
    expect(c.hasData).toBe(true);
    expect(c.maxValue).toBe(0.3);
    expect(c.dots).toBe(true);
  });

  it("draws dots only while the values are few", () => {
    const many = Array.from({ length: 121 }, (_, i) => pt(new Date(Date.parse("2026-11-01T00:00:00Z") + i * 60_000).toISOString(), "0.01"));
    expect(prepareBacktestChart(answer({ series: [{ group: {}, points: many }], periods: [] })).dots).toBe(false);
    expect(prepareBacktestChart(answer({ series: [{ group: {}, points: many.slice(1) }], periods: [] })).dots).toBe(true);
  });

  it("shades an alerting period still open at the end up to the last step", () => {
    const c = prepareBacktestChart(answer());
    expect(c.areas).toEqual([
      { seriesKey: "s0", from: Date.parse("2026-11-01T00:02:00Z"), to: Date.parse("2026-11-01T00:03:00Z"), severity: "critical" },
    ]);
    expect(c.alertThreshold).toBe(0.05);
    expect(c.warningThreshold).toBeNull();
  });

  it("keeps the busiest groups only and says how many were left out, dropping their periods", () => {
    const c = prepareBacktestChart(
      answer({
        warningThreshold: "0.02",
        periods: [{ group: { provider: "" }, from: "2026-11-01T00:02:00.000Z", to: "2026-11-01T00:03:00.000Z", severity: "warning" }],
      }),
      1,
    );
    expect(c.series.map((s) => s.key)).toEqual(["s0"]);
    expect(c.hiddenGroups).toBe(1);
    expect(c.areas).toEqual([]);
    expect(c.warningThreshold).toBe(0.02);
  });

  it("has no data when no step has a value", () => {
    const c = prepareBacktestChart(answer({ series: [{ group: {}, points: [pt("2026-11-01T00:01:00.000Z", null)] }], periods: [] }));
    expect(c.hasData).toBe(false);
    expect(c.series[0]!.label).toBe("all");
  });

  it("labels multi-dimension groups", () => {
    expect(groupLabel({ provider: "anthropic", model: "claude" })).toBe("provider=anthropic, model=claude");
  });
});
