import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import type { SqlExecutor } from "@/lib/db/sql";
import { createJobRegistry } from "@/lib/jobs/job-registry";
import { startWorker } from "@/lib/jobs/start-worker";
import { metricsQuerySchema, type MetricsQueryInput } from "@/lib/metrics/query-schema";
import { runMetricsQuery } from "@/lib/metrics/run-metrics-query";
import { compareAnswers } from "@/lib/metrics/testing/compare-answers";
import { exactFromRaw } from "@/lib/metrics/testing/exact-from-raw";
import { ingestBatch, seedMetricsWorkspace } from "@/lib/metrics/testing/seed-metrics-workspace";
import { generateDemoEvents } from "@/prisma/seed/demo-events";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { runRepricing } from "@/lib/pricing/run-repricing";
import { createContractTerm } from "@/lib/pricing/save-contract-term";
import { CUBE_NAMES, CUBES } from "./cubes";
import { noteEventsChanged } from "./note-events-changed";
import { rollupJobs } from "./rollup-jobs";
import { rebuildRollups } from "./rebuild-rollups";
import { refreshRollups } from "./refresh-rollups";

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 60_000);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
// Retention of minute and hour rows is judged against this clock, so two builds see the same edges.
const clock = () => NOW.getTime() + 60_000;

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const week: (ws: number) => MetricsQueryInput = () => ({
  from: iso(NOW.getTime() - 7 * DAY),
  to: iso(NOW.getTime()),
  granularity: "day",
  dimensions: ["provider"],
  measures: ["requests", "cost_usd", "list_cost_usd", "cost_per_successful_task_usd", "latency_p95_ms"],
});

async function expectExact(ws: number, input: MetricsQueryInput) {
  const answer = await runMetricsQuery(db, ws, input);
  const q = metricsQuerySchema.parse(input);
  const cmp = compareAnswers(q, answer.rows, await exactFromRaw(db.sql, ws, q));
  expect(cmp.mismatches).toEqual([]);
  expect(cmp.missing).toEqual([]);
  expect(cmp.maxPercentileError).toBeLessThanOrEqual(0.01);
  return answer;
}

/** Every rollup row of the workspace, in a stable order, as comparable values. */
async function snapshot(ws: number): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const c of CUBE_NAMES) {
    const order = ["grain", "bucket", ...CUBES[c].dims].map((d) => `"${d}"`).join(", ");
    out[c] = await db.sql.query(`SELECT * FROM "${CUBES[c].table}" WHERE workspace_id = $1 ORDER BY ${order}`, [ws]);
  }
  return out;
}

async function dirtyCount(ws: number, grain?: string): Promise<number> {
  const [r] = await db.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM rollup_dirty WHERE workspace_id = $1 AND ($2::text IS NULL OR grain = $2)`,
    [ws, grain ?? null],
  );
  return r!.n;
}

describe("rollup maintenance", () => {
  it("late events and a re-pricing show up at once, stay exact after the refresh, and a rebuild reproduces the rows", async () => {
    const { workspaceId: ws } = await seedMetricsWorkspace(db, { now: NOW, days: 6, events: 1_500, seed: "maint" });
    await refreshRollups(db.sql, ws, { coarseDelayMs: 0, now: clock });
    expect(await dirtyCount(ws)).toBe(0);
    const before = await expectExact(ws, week(ws));
    expect(before.meta.sources.staleRawHours).toBe(0);

    // Late events for last week (older than every rollup bucket already built).
    const late = generateDemoEvents({ now: new Date(NOW.getTime() - 4 * DAY), days: 2, seed: "late", targetEvents: 300 });
    await ingestBatch(db, ws, late, NOW);
    const seen = await expectExact(ws, week(ws));
    expect(seen.meta.sources.staleRawHours).toBeGreaterThan(0);
    const total = (a: typeof seen) => a.rows.reduce((s, r) => s + Number(r.requests), 0);
    expect(total(seen)).toBe(total(before) + late.length);

    // A re-pricing of one day last week: costs rewritten and the hook called in the same transaction.
    const from = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate()) - 5 * DAY);
    const to = new Date(from.getTime() + DAY);
    await db.sql.transaction(async (tx: SqlExecutor) => {
      await tx.query(
        `UPDATE usage_events SET list_cost_usd = list_cost_usd * 3, effective_cost_usd = effective_cost_usd * 2
          WHERE workspace_id = $1 AND ts >= $2 AND ts < $3`,
        [ws, from.toISOString(), to.toISOString()],
      );
      await noteEventsChanged(tx, ws, { from, to });
    });
    const repriced = await expectExact(ws, week(ws));
    const day = (a: typeof seen, d: Date) => a.rows.filter((r) => r.bucket === d.toISOString());
    expect(day(repriced, from).map((r) => r.cost_usd)).not.toEqual(day(seen, from).map((r) => r.cost_usd));
    // Other days keep their totals.
    expect(day(repriced, to)).toEqual(day(seen, to));

    await refreshRollups(db.sql, ws, { coarseDelayMs: 0, now: clock });
    expect(await dirtyCount(ws)).toBe(0);
    const after = await expectExact(ws, week(ws));
    expect(after.rows).toEqual(repriced.rows);
    expect(after.meta.sources.staleRawHours).toBe(0);

    // Idempotent: nothing to do, and recomputing everything changes no row.
    const again = await refreshRollups(db.sql, ws, { coarseDelayMs: 0, now: clock });
    expect(again.buckets).toEqual({ hour: 0, day: 0, week: 0, month: 0 });
    const incremental = await snapshot(ws);
    expect(incremental.pm!.length).toBeGreaterThan(0);
    const rebuilt = await rebuildRollups(db.sql, ws, { now: clock });
    expect(rebuilt.buckets.hour).toBeGreaterThan(6 * 24);
    expect(await snapshot(ws)).toEqual(incremental);
  });

  it("a real re-pricing (a discount made effective last week) reaches the query at once and survives the refresh", async () => {
    const { workspaceId: ws } = await seedMetricsWorkspace(db, { now: NOW, days: 8, events: 1_200, seed: "reprice" });
    await refreshRollups(db.sql, ws, { coarseDelayMs: 0, now: clock });
    const user = await db.prisma.user.create({ data: { email: `${uid("u")}@example.com`, passwordHash: "x" } });
    const before = await expectExact(ws, week(ws));
    const from = new Date(NOW.getTime() - 6 * DAY);
    const to = new Date(NOW.getTime() - 3 * DAY);
    const saved = await createContractTerm(
      db,
      { workspaceId: ws, actor: { kind: "user", userId: user.id, role: "finance" } },
      {
        kind: "discount",
        name: "retroactive 50 %",
        provider: "openai",
        discountPercent: "50",
        effectiveFrom: from.toISOString(),
        effectiveTo: to.toISOString(),
      },
    );
    const run = await runRepricing(db, saved.repricingRunId!);
    expect(run.touched).toBeGreaterThan(0);
    // Immediately: the rewritten hours are dirty, so the query reads them from raw events.
    const repriced = await expectExact(ws, week(ws));
    expect(repriced.meta.sources.staleRawHours).toBeGreaterThan(0);
    const openaiCost = (a: typeof before) => a.rows.filter((r) => r.provider === "openai").reduce((s, r) => s + Number(r.cost_usd), 0);
    expect(openaiCost(repriced)).toBeLessThan(openaiCost(before));
    const others = (a: typeof before) => a.rows.filter((r) => r.provider !== "openai");
    expect(others(repriced)).toEqual(others(before));
    // After the worker's refresh the rollups hold the new costs: same answer, no raw reads.
    await refreshRollups(db.sql, ws, { coarseDelayMs: 0, now: clock });
    const refreshed = await expectExact(ws, week(ws));
    expect(refreshed.meta.sources.staleRawHours).toBe(0);
    expect(refreshed.rows).toEqual(repriced.rows);
  });

  it("a rebuild removes rows whose events are gone and never touches another workspace", async () => {
    const a = await seedMetricsWorkspace(db, { now: NOW, days: 2, events: 300, seed: "gone-a" });
    const b = await seedMetricsWorkspace(db, { now: NOW, days: 2, events: 300, seed: "gone-b" });
    await refreshRollups(db.sql, a.workspaceId, { coarseDelayMs: 0, now: clock });
    await refreshRollups(db.sql, b.workspaceId, { coarseDelayMs: 0, now: clock });
    const otherBefore = await snapshot(b.workspaceId);
    await db.sql.query(`DELETE FROM usage_events WHERE workspace_id = $1`, [a.workspaceId]);
    await rebuildRollups(db.sql, a.workspaceId, { now: clock });
    for (const rows of Object.values(await snapshot(a.workspaceId))) expect(rows).toEqual([]);
    expect(await snapshot(b.workspaceId)).toEqual(otherBefore);
  });

  it("the worker catches up within seconds of ingestion", async () => {
    const { workspaceId: ws } = await seedMetricsWorkspace(db, { now: NOW, days: 1, events: 200, seed: "worker" });
    expect(await dirtyCount(ws, "hour")).toBeGreaterThan(0);
    const worker = await startWorker(db, createJobRegistry(rollupJobs), { queues: ["rollups.refresh"], pollMs: 200 });
    try {
      // Polls up to 20 s (a bound for a stuck worker, not a speed claim: the worker polls every 200 ms).
      const started = Date.now();
      while ((await dirtyCount(ws, "hour")) > 0 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 100));
      expect(await dirtyCount(ws, "hour")).toBe(0);
      const [rows] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM rollup_pm WHERE workspace_id = $1 AND grain = 'hour'`,
        [ws],
      );
      expect(rows!.n).toBeGreaterThan(0);
    } finally {
      await worker.stop();
    }
    await expectExact(ws, { from: iso(NOW.getTime() - DAY), to: iso(NOW.getTime()), measures: ["requests", "cost_usd", "latency_p99_ms"] });
  });

  it("refuses a window that is empty or absurdly long", async () => {
    await expect(noteEventsChanged(db.sql, 1, { from: NOW, to: NOW })).rejects.toThrow(/from < to/);
    await expect(noteEventsChanged(db.sql, 1, { from: new Date(0), to: NOW })).rejects.toThrow(/5 years/);
    await expect(noteEventsChanged(db.sql, 1, { timestamps: ["not a date"] })).rejects.toThrow(/invalid timestamp/);
  });
});
