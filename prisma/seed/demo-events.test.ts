import { beforeAll, describe, expect, it } from "vitest";
import { EVENT_STATUSES, WORKLOAD_CLASSES } from "@/lib/ingest/event-schema";
import { validateEvent } from "@/lib/ingest/validate-event";
import { loadAzureTrace } from "./azure-trace";
import { FEATURES, REGIONS, STORIES, TENANTS } from "./catalog-of-demo";
import { generateDemoEvents, type DemoEvent } from "./demo-events";

const NOW = new Date("2026-11-22T09:30:00.000Z");
const DAY = 86_400_000;
const end = NOW.getTime();
const ms = (e: DemoEvent) => Date.parse(e.timestamp);

function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil(0.95 * s.length) - 1] ?? NaN;
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}

let events: DemoEvent[];
// Generous limits: these pass over ~120k events and CI machines are shared.
beforeAll(() => {
  events = generateDemoEvents({ now: NOW, seed: 7 });
}, 60_000);

describe("azure trace", () => {
  it("parses both workloads with the documented sizes and bounds", () => {
    const t = loadAzureTrace();
    expect(t.code.context.length).toBe(8_819);
    expect(t.conv.context.length).toBe(19_366);
    expect(t.code.bounds).toEqual({ contextMin: 3, contextMax: 7_437, generatedMin: 6, generatedMax: 1_899 });
    expect(t.conv.bounds).toEqual({ contextMin: 2, contextMax: 14_050, generatedMin: 7, generatedMax: 1_000 });
    const meanGap = t.conv.unitGaps.reduce((s, g) => s + g, 0) / t.conv.unitGaps.length;
    expect(meanGap).toBeCloseTo(1, 6);
  });
});

describe("generateDemoEvents", { timeout: 30_000 }, () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const opts = { now: NOW, days: 3, seed: 11, targetEvents: 1_500 };
    const a = generateDemoEvents(opts);
    expect(JSON.stringify(generateDemoEvents(opts))).toBe(JSON.stringify(a));
    expect(JSON.stringify(generateDemoEvents({ ...opts, seed: 12 }))).not.toBe(JSON.stringify(a));
  });

  it("produces about 4,000 events a day by default and honours targetEvents", () => {
    expect(events.length).toBeGreaterThan(30 * 4_000 * 0.93);
    expect(events.length).toBeLessThan(30 * 4_000 * 1.07);
    const small = generateDemoEvents({ now: NOW, days: 5, seed: 3, targetEvents: 2_000 });
    expect(small.length).toBeGreaterThan(1_800);
    expect(small.length).toBeLessThan(2_200);
  });

  it("keeps timestamps in [now - days, now), sorted, with unique deterministic ids", () => {
    // Problems are collected in plain code: a million expect() calls would take longer than the test budget.
    const problems: string[] = [];
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    events.forEach((e, i) => {
      if (e.id !== `demo-7-${i + 1}`) problems.push(`${e.id} at position ${i}`);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(e.timestamp)) problems.push(`${e.id}: timestamp ${e.timestamp}`);
      if (i > 0 && ms(e) < ms(events[i - 1]!)) problems.push(`${e.id}: out of order`);
    });
    expect(problems.slice(0, 5)).toEqual([]);
    expect(ms(events[0]!)).toBeGreaterThanOrEqual(end - 30 * DAY);
    expect(ms(events.at(-1)!)).toBeLessThan(end);
  });

  it("passes the ingestion contract's validation, every single event", () => {
    const refused = events.map((e) => validateEvent(e, end)).filter((v) => !v.ok);
    expect(refused.slice(0, 3)).toEqual([]);
  });

  it("covers every status, workload class, region, feature and the model cast", () => {
    expect(new Set(events.map((e) => e.status))).toEqual(new Set(EVENT_STATUSES));
    expect(new Set(events.map((e) => e.workloadClass))).toEqual(new Set(WORKLOAD_CLASSES));
    expect(new Set(events.map((e) => e.region))).toEqual(new Set(REGIONS));
    expect(new Set(events.map((e) => e.feature))).toEqual(new Set(FEATURES.map((f) => f.name)));
    expect(new Set(events.map((e) => e.tenant).filter(Boolean)).size).toBeGreaterThanOrEqual(TENANTS.length - 2);
    const errorTypes = new Set(events.map((e) => e.errorType));
    for (const t of [
      "rate_limit",
      "server_error",
      "overloaded",
      "timeout",
      "content_filter",
      "context_length_exceeded",
      "client_cancelled",
    ]) {
      expect(errorTypes, t).toContain(t);
    }
    const models = new Set(events.map((e) => `${e.provider}/${e.model}`));
    for (const m of [
      "openai/gpt-4o",
      "openai/o4-mini",
      "anthropic/claude-sonnet-4",
      "google/gemini-2.5-flash",
      "self-hosted/llama-3.1-70b-instruct",
    ]) {
      expect(models, m).toContain(m);
    }
    expect(models).toContain("openai/gpt-4o-2024-08-06"); // a dated snapshot
    expect(models).toContain("anthropic/anthropic/claude-3-5-haiku"); // a gateway's provider-prefixed alias
    expect(events.some((e) => e.usage.reasoningTokens > 0 && e.provider === "openai")).toBe(true);
    expect(events.some((e) => e.usage.cacheWriteTokens > 0 && e.provider === "anthropic")).toBe(true);
    const reported = events.filter((e) => e.costUsd !== undefined);
    expect(reported.length).toBeGreaterThan(100);
    expect(reported.length).toBeLessThan(events.length / 10);
  });

  it("models tasks: attempt 1 first, consecutive attempts, at most one ok and only as the last call", () => {
    const tasks = new Map<string, DemoEvent[]>();
    for (const e of events) {
      const list = tasks.get(e.taskId!);
      if (list) list.push(e);
      else tasks.set(e.taskId!, [e]);
    }
    const problems: string[] = [];
    let retried = 0;
    let fellBack = 0;
    for (const [taskId, calls] of tasks) {
      if (calls.length > 1) retried++;
      if (calls.filter((c) => c.status === "ok").length > 1) problems.push(`${taskId}: more than one ok`);
      calls.forEach((c, i) => {
        if (c.attempt !== i + 1) problems.push(`${taskId}: call ${i + 1} has attempt ${c.attempt}`);
        if (c.status === "ok" && i !== calls.length - 1) problems.push(`${taskId}: a call after the ok one`);
        const previous = calls[i - 1];
        if (previous && ms(c) < ms(previous) + previous.latencyMs) problems.push(`${taskId}: attempt ${i + 1} starts before ${i} ended`);
        if (!c.fallbackFrom) return;
        fellBack++;
        if (!previous || previous.status === "ok") problems.push(`${taskId}: fallback without a failure`);
        else if (c.fallbackFrom !== `${previous.provider}/${previous.model}`) problems.push(`${taskId}: fallbackFrom ${c.fallbackFrom}`);
        else if (c.provider === previous.provider) problems.push(`${taskId}: fallback to the same provider`);
      });
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(retried).toBeGreaterThan(events.length * 0.01);
    expect(fellBack).toBeGreaterThan(100);
  });

  it("keeps token sizes within the Azure trace's bounds and usage parts consistent", () => {
    const trace = loadAzureTrace();
    const kindOf = new Map(FEATURES.map((f) => [f.name, f.trace]));
    const problems: string[] = [];
    for (const e of events) {
      const b = trace[kindOf.get(e.feature!)!].bounds;
      const u = e.usage;
      const visible = u.outputTokens - u.reasoningTokens;
      const bad = (why: string) => problems.push(`${e.id} (${e.status}): ${why} ${JSON.stringify(u)}`);
      if (u.inputTokens > 0 && (u.inputTokens < b.contextMin || u.inputTokens > b.contextMax)) bad("input outside the trace");
      if (u.inputTokens === 0 && e.status !== "throttled" && e.status !== "error") bad("no input tokens");
      if (visible < 0 || visible > b.generatedMax) bad("visible output outside the trace");
      if (e.status === "ok" && visible < b.generatedMin) bad("ok with less output than the trace's minimum");
      if (u.cacheReadTokens + u.cacheWriteTokens > u.inputTokens) bad("cache parts above input");
      if (e.ttftMs != null && e.ttftMs > e.latencyMs) bad("ttft above latency");
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it("has daily and weekly seasonality and a growth trend", () => {
    const interactive = events.filter((e) => e.workloadClass === "interactive");
    const hour = (e: DemoEvent) => new Date(ms(e)).getUTCHours();
    const peak = interactive.filter((e) => hour(e) >= 13 && hour(e) < 17).length;
    const night = interactive.filter((e) => hour(e) >= 3 && hour(e) < 7).length;
    expect(peak).toBeGreaterThan(2 * night);
    const batch = events.filter((e) => e.workloadClass === "batch");
    expect(batch.filter((e) => hour(e) < 4).length).toBeGreaterThan(batch.filter((e) => hour(e) >= 12 && hour(e) < 16).length);
    const weekday = (e: DemoEvent) => new Date(ms(e)).getUTCDay();
    const weekendPerDay = interactive.filter((e) => weekday(e) === 0 || weekday(e) === 6).length / 8;
    const weekdayPerDay = interactive.filter((e) => weekday(e) !== 0 && weekday(e) !== 6).length / 22;
    expect(weekendPerDay).toBeLessThan(0.7 * weekdayPerDay);
    const inWindow = (from: number, to: number) =>
      events.filter((e) => ms(e) >= end - from * DAY && ms(e) < end - to * DAY && e.tenant !== STORIES.spikeTenant).length;
    expect(inWindow(14, 7)).toBeGreaterThan(1.15 * inWindow(28, 21)); // whole weeks, spike excluded
  });

  it("tells the stories: a p95 latency regression, a tenant cost spike and 429 bursts on one provider", () => {
    const okLatencies = (model: string, fromDays: number, toDays: number) =>
      events
        .filter((e) => e.model === model && e.status === "ok" && ms(e) >= end - fromDays * DAY && ms(e) < end - toDays * DAY)
        .map((e) => e.latencyMs);
    expect(p95(okLatencies("claude-sonnet-4", 7, 0))).toBeGreaterThan(1.5 * p95(okLatencies("claude-sonnet-4", 14, 7)));
    expect(p95(okLatencies("gpt-4o-mini", 7, 0))).toBeLessThan(1.15 * p95(okLatencies("gpt-4o-mini", 14, 7)));

    const spike = (fromDays: number, toDays: number) =>
      events.filter((e) => e.tenant === STORIES.spikeTenant && ms(e) >= end - fromDays * DAY && ms(e) < end - toDays * DAY);
    const recent = spike(STORIES.spikeDays, 0);
    expect(recent.length).toBeGreaterThan(3 * spike(2 * STORIES.spikeDays, STORIES.spikeDays).length);
    expect(recent.filter((e) => e.model === "gpt-4.1").length).toBeGreaterThan(recent.length / 2);

    const throttled = events.filter((e) => e.status === "throttled");
    expect(throttled.every((e) => e.httpStatus === 429 && e.errorType === "rate_limit")).toBe(true);
    const byProvider = countBy(throttled, (e) => e.provider);
    const calls = countBy(events, (e) => e.provider);
    const rate = (p: string) => (byProvider.get(p) ?? 0) / (calls.get(p) ?? 1);
    expect(rate(STORIES.throttleProvider)).toBeGreaterThan(3 * rate("anthropic"));
    // Bursts: the busiest 5% of hours hold most of that provider's 429s.
    const perHour = [
      ...countBy(
        throttled.filter((e) => e.provider === STORIES.throttleProvider),
        (e) => e.timestamp.slice(0, 13),
      ).values(),
    ];
    const top = perHour.sort((a, b) => b - a).slice(0, Math.ceil((30 * 24) / 20));
    expect(top.reduce((s, n) => s + n, 0)).toBeGreaterThan(0.5 * perHour.reduce((s, n) => s + n, 0));
  });
});
