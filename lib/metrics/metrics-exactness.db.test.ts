import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { refreshRollups } from "@/lib/rollups/refresh-rollups";
import { openTestDatabase } from "@/prisma/seed/test-db";
import { MEASURE_NAMES } from "./measures";
import { metricsQuerySchema, type MetricsQueryInput } from "./query-schema";
import { runMetricsQuery } from "./run-metrics-query";
import { compareAnswers } from "./testing/compare-answers";
import { exactFromRaw } from "./testing/exact-from-raw";
import { seedMetricsWorkspace } from "./testing/seed-metrics-workspace";

// A fixed seeded dataset (demo traffic: retries, fallbacks, throttles, errors, cache, reasoning) ending
// a few minutes ago, so minute rollups exist for its last hours.
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

let db: Database;
let ws: number;

beforeAll(async () => {
  db = await openTestDatabase();
  ({ workspaceId: ws } = await seedMetricsWorkspace(db, { now: NOW, days: 10, events: 4_000, seed: "exact" }));
  await refreshRollups(db.sql, ws, { coarseDelayMs: 0 });
});
afterAll(async () => {
  await db?.close();
});

/** Runs the query through the engine and checks every value against the exact answer from raw events. */
async function expectExact(input: MetricsQueryInput, source?: string) {
  const q = metricsQuerySchema.parse(input);
  const answer = await runMetricsQuery(db, ws, input);
  const exact = await exactFromRaw(db.sql, ws, q);
  const cmp = compareAnswers(q, answer.rows, exact);
  expect(cmp.mismatches).toEqual([]);
  expect(cmp.missing).toEqual([]);
  expect(cmp.compared).toBeGreaterThan(0);
  expect(cmp.maxPercentileError).toBeLessThanOrEqual(0.01);
  if (source) expect(answer.meta.source).toBe(source);
  // Rollups answered: raw events only fill the edges finer than an hour.
  expect(answer.meta.sources.staleRawHours).toBe(0);
  return answer;
}

describe("metrics query = exact computation over raw events", () => {
  it("every measure, whole unaligned range, no dimensions", async () => {
    const a = await expectExact(
      { from: iso(NOW.getTime() - 9.7 * DAY), to: iso(NOW.getTime() - 3_000), measures: MEASURE_NAMES },
      "rollup:pm",
    );
    expect(a.rows).toHaveLength(1);
    expect(a.meta.sources.day).toBeGreaterThan(0);
    expect(a.meta.sources.hour).toBeGreaterThan(0);
  });

  it("by provider and model per UTC day", async () => {
    await expectExact(
      {
        from: iso(NOW.getTime() - 8 * DAY),
        to: iso(NOW.getTime()),
        granularity: "day",
        dimensions: ["provider", "model"],
        measures: [
          "requests",
          "cost_usd",
          "list_cost_usd",
          "cost_per_1k_tokens_usd",
          "latency_p50_ms",
          "latency_p99_ms",
          "ttft_p95_ms",
          "error_rate",
        ],
      },
      "rollup:pm",
    );
  });

  it("by tenant per ISO week, filtered by feature (tenant cube)", async () => {
    await expectExact(
      {
        from: iso(NOW.getTime() - 10 * DAY),
        to: iso(NOW.getTime()),
        granularity: "week",
        dimensions: ["tenant"],
        filters: { feature: ["support-chat", "code-assistant"] },
        measures: [
          "cost_usd",
          "tasks",
          "successful_tasks",
          "task_success_rate",
          "cost_per_successful_task_usd",
          "retry_rate",
          "latency_p95_ms",
        ],
      },
      "rollup:tenant",
    );
  });

  it("status and error type per hour for one provider (core cube)", async () => {
    await expectExact(
      {
        from: iso(NOW.getTime() - 2 * DAY - 1_234_567),
        to: iso(NOW.getTime() - 600_000),
        granularity: "hour",
        dimensions: ["status", "error_type"],
        filters: { provider: ["openai"] },
        measures: ["requests", "failed_requests", "throttled_requests", "fallback_rate", "fallback_success_rate", "avg_latency_ms"],
      },
      "rollup:core",
    );
  });

  it("routes per New York day, with tokens and cache (route cube, hour rows under local days)", async () => {
    const a = await expectExact(
      {
        from: iso(NOW.getTime() - 6 * DAY),
        to: iso(NOW.getTime()),
        granularity: "day",
        timezone: "America/New_York",
        dimensions: ["route"],
        measures: [
          "input_tokens",
          "output_tokens",
          "cache_read_tokens",
          "cache_write_tokens",
          "reasoning_tokens",
          "cache_hit_ratio",
          "latency_p95_ms",
        ],
      },
      "rollup:route",
    );
    expect(a.meta.sources.day ?? 0).toBe(0);
  });

  it("every minute of the last three hours (minute rollups)", async () => {
    const a = await expectExact(
      {
        from: iso(NOW.getTime() - 3 * 3_600_000 - 17_000),
        to: iso(NOW.getTime()),
        granularity: "minute",
        measures: ["requests", "cost_usd", "latency_p50_ms", "ttft_p99_ms"],
      },
      "rollup:pm",
    );
    expect(a.meta.sources.minute).toBeGreaterThan(100);
    // Minutes without events are there too: 0 for additive measures, null for percentiles.
    expect(a.rows.length).toBe(a.meta.buckets);
    const empty = a.rows.find((r) => r.requests === 0);
    if (empty) expect(empty).toMatchObject({ cost_usd: "0.0000000000", latency_p50_ms: null, ttft_p99_ms: null });
  });

  it("tenant × route × status with a filter on events without a tenant (full cube)", async () => {
    await expectExact(
      {
        from: iso(NOW.getTime() - 9 * DAY),
        to: iso(NOW.getTime() - DAY),
        dimensions: ["tenant", "route", "status"],
        filters: { region: ["us-east"] },
        measures: ["requests", "cost_usd", "error_rate", "latency_p95_ms"],
      },
      "rollup:full",
    );
    await expectExact(
      {
        from: iso(NOW.getTime() - 9 * DAY),
        to: iso(NOW.getTime()),
        dimensions: ["feature"],
        filters: { tenant: [null] },
        measures: ["requests", "cost_usd"],
      },
      "rollup:tenant",
    );
  });

  it("top-N ranks series by the ordering measure over the whole range", async () => {
    const input: MetricsQueryInput = {
      from: iso(NOW.getTime() - 10 * DAY),
      to: iso(NOW.getTime()),
      dimensions: ["tenant"],
      measures: ["cost_usd", "requests"],
      orderBy: [{ field: "cost_usd", direction: "desc" }],
      limit: 5,
    };
    const a = await runMetricsQuery(db, ws, input);
    const exact = [...(await exactFromRaw(db.sql, ws, metricsQuerySchema.parse(input))).values()].sort(
      (x, y) => Number(y.cost_usd) - Number(x.cost_usd) || String(x.tenant).localeCompare(String(y.tenant)),
    );
    expect(a.rows.map((r) => r.tenant)).toEqual(exact.slice(0, 5).map((r) => r.tenant));
    expect(a.meta).toMatchObject({ truncated: true, seriesCount: 5, totalSeries: exact.length });
  });
});
