import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { insertJob } from "./insert-job";
import { runJobs } from "./run-jobs";

/**
 * Two workers on one database. With DATABASE_URL they have separate connection pools, as two
 * processes would (SKIP LOCKED is what keeps them apart); on PGlite they share the one connection.
 */
let a: Database;
let b: Database;

beforeAll(async () => {
  a = await openTestDatabase();
  b = a.config.kind === "postgres" ? await openTestDatabase() : a;
});
afterAll(async () => {
  if (b !== a) await b?.close();
  await a?.close();
});

describe("two workers", () => {
  it("never run one job twice, and together run every job", async () => {
    const queue = `test.${uid()}`;
    const runs = new Map<string, string[]>();
    const handler = (worker: string) => async (_data: unknown, ctx: { jobId: string }) => {
      runs.set(ctx.jobId, [...(runs.get(ctx.jobId) ?? []), worker]);
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 15));
    };
    const w1 = await runJobs(a, { handlers: { [queue]: handler("w1") }, concurrency: 3, pollMs: 20, onError: () => undefined });
    const w2 = await runJobs(b, { handlers: { [queue]: handler("w2") }, concurrency: 3, pollMs: 20, onError: () => undefined });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 80; i++) ids.push((await insertJob(a.sql, queue, { i }, { maxAttempts: 1, backoffSeconds: 0 })).id);
      await expect
        .poll(
          async () =>
            (
              await a.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "jobs" WHERE "queue" = $1 AND "state" = 'completed'`, [
                queue,
              ])
            )[0]!.n,
          { timeout: 30_000, interval: 100 },
        )
        .toBe(80);
      expect([...runs.keys()].sort()).toEqual([...ids].sort());
      const twice = [...runs.entries()].filter(([, by]) => by.length !== 1);
      expect(twice).toEqual([]);
      const byWorker = [...runs.values()].flat();
      expect(byWorker.filter((w) => w === "w1").length).toBeGreaterThan(0);
      expect(byWorker.filter((w) => w === "w2").length).toBeGreaterThan(0);
    } finally {
      await Promise.all([w1.stop(), w2.stop()]);
    }
  });
});
