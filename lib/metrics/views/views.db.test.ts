import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { refreshRollups } from "@/lib/rollups/refresh-rollups";
import { openTestDatabase } from "@/prisma/seed/test-db";
import { metricsQuerySchema, type MetricsQueryInput } from "../query-schema";
import { exactFromRaw } from "../testing/exact-from-raw";
import { seedMetricsWorkspace } from "../testing/seed-metrics-workspace";
import { monthEndProjection } from "./month-end-projection";
import { spendBy } from "./spend-by";
import { topMovers } from "./top-movers";
import { vendorMatrix } from "./vendor-matrix";

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

let db: Database;
let ws: number;

beforeAll(async () => {
  db = await openTestDatabase();
  ({ workspaceId: ws } = await seedMetricsWorkspace(db, { now: NOW, days: 12, events: 2_000, seed: "views" }));
  await db.prisma.workspace.update({ where: { id: ws }, data: { timezone: "Asia/Kolkata" } });
  await refreshRollups(db.sql, ws, { coarseDelayMs: 0 });
});
afterAll(async () => {
  await db?.close();
});

async function exact(input: MetricsQueryInput) {
  return [...(await exactFromRaw(db.sql, ws, metricsQuerySchema.parse(input))).values()];
}

describe("unit economics and vendor views", () => {
  it("spend by feature, largest first, with unit costs", async () => {
    const from = iso(NOW.getTime() - 7 * DAY);
    const to = iso(NOW.getTime());
    const { rows } = await spendBy(db, ws, { from, to, by: "feature" });
    const want = await exact({ from, to, dimensions: ["feature"], measures: ["cost_usd", "cost_per_successful_task_usd", "requests"] });
    expect(rows.map((r) => [r.key, r.costUsd, r.costPerSuccessfulTaskUsd, r.requests]).sort()).toEqual(
      want.map((r) => [r.feature, r.cost_usd, r.cost_per_successful_task_usd, r.requests]).sort(),
    );
    const costs = rows.map((r) => new Decimal(r.costUsd));
    expect(costs.every((c, i) => i === 0 || c.lte(costs[i - 1]!))).toBe(true);
  });

  it("top movers against the previous period of the same length", async () => {
    const from = NOW.getTime() - 4 * DAY;
    const { rows, previous } = await topMovers(db, ws, { from: iso(from), to: iso(NOW.getTime()), by: "tenant", limit: 50 });
    expect(previous).toEqual({ from: iso(from - 4 * DAY), to: iso(from) });
    const cur = new Map(
      (await exact({ from: iso(from), to: iso(NOW.getTime()), dimensions: ["tenant"], measures: ["cost_usd"] })).map((r) => [
        r.tenant,
        r.cost_usd,
      ]),
    );
    const prev = new Map((await exact({ ...previous, dimensions: ["tenant"], measures: ["cost_usd"] })).map((r) => [r.tenant, r.cost_usd]));
    expect(rows.length).toBe(new Set([...cur.keys(), ...prev.keys()]).size > 50 ? 50 : new Set([...cur.keys(), ...prev.keys()]).size);
    for (const m of rows) {
      const c = new Decimal(String(cur.get(m.key) ?? "0"));
      const p = new Decimal(String(prev.get(m.key) ?? "0"));
      expect(m.changeUsd).toBe(c.minus(p).toFixed(10));
    }
    const abs = rows.map((r) => new Decimal(r.changeUsd).abs());
    expect(abs.every((a, i) => i === 0 || a.lte(abs[i - 1]!))).toBe(true);
  });

  it("vendor matrix rows per provider/model", async () => {
    const from = iso(NOW.getTime() - 10 * DAY);
    const to = iso(NOW.getTime());
    const { rows } = await vendorMatrix(db, ws, { from, to });
    const want = await exact({
      from,
      to,
      dimensions: ["provider", "model"],
      measures: ["requests", "throttled_requests", "cost_per_1k_tokens_usd", "latency_p95_ms", "fallback_rate"],
    });
    expect(rows.length).toBe(want.length);
    for (const w of want) {
      const r = rows.find((x) => x.provider === w.provider && x.model === w.model)!;
      expect(r.requests).toBe(w.requests);
      expect(r.throttleRate).toBeCloseTo(Number(w.throttled_requests) / Number(w.requests), 12);
      expect(r.costPer1kTokensUsd).toBe(w.cost_per_1k_tokens_usd);
      expect(r.fallbackRate).toBe(w.fallback_rate);
      if (w.latency_p95_ms !== null)
        expect(Math.abs(r.latencyP95Ms! - Number(w.latency_p95_ms)) / Number(w.latency_p95_ms)).toBeLessThanOrEqual(0.01);
    }
  });

  it("projects month-end spend in the workspace's time zone", async () => {
    const p = await monthEndProjection(db, ws, { now: NOW });
    expect(p.timezone).toBe("Asia/Kolkata");
    // Local midnight of the 1st in India is 18:30 UTC the day before.
    expect(p.monthStart).toMatch(/T18:30:00\.000Z$/);
    const mtd = await exact({ from: p.monthStart, to: p.asOf, measures: ["cost_usd"] });
    const week = await exact({ from: iso(NOW.getTime() - 7 * DAY), to: p.asOf, measures: ["cost_usd"] });
    expect(p.monthToDateUsd).toBe(mtd[0]?.cost_usd ?? "0.0000000000");
    const daily = new Decimal(String(week[0]!.cost_usd)).div(7);
    const left = new Decimal(Date.parse(p.monthEnd) - NOW.getTime()).div(DAY);
    expect(p.projectedMonthUsd).toBe(new Decimal(p.monthToDateUsd).plus(daily.times(left)).toDecimalPlaces(10).toFixed(10));
    expect(new Decimal(p.projectedMonthUsd).gte(p.monthToDateUsd)).toBe(true);
  });
});
