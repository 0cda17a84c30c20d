import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { enqueueJobWith } from "./enqueue-job";
import { defineFanOutJob, duePeriod, fanOut } from "./fan-out";
import { createJobRegistry } from "./job-registry";
import { processPeriodOnce } from "./period-ledger";
import { startWorker } from "./start-worker";
import { waitForJob } from "./wait-for-job";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function workspace(timezone: string): Promise<{ id: number; timeZone: string }> {
  const ws = await db.prisma.workspace.create({ data: { slug: uid("ledger"), name: "", timezone } });
  return { id: ws.id, timeZone: timezone };
}

/** Each processing appends "+" to the workspace's name inside the period's transaction. */
async function marks(id: number): Promise<string> {
  return (await db.prisma.workspace.findUniqueOrThrow({ where: { id } })).name;
}

describe("period ledger", () => {
  it("processes a (workspace, job, period) once; a failed run leaves it to the next run", async () => {
    const { id } = await workspace("UTC");
    const key = { workspaceId: id, job: `test.${uid()}`, period: "2026-03-29T09:00" };
    const work = () => async (tx: Parameters<Parameters<typeof processPeriodOnce>[2]>[0]) => {
      await tx.sql.query(`UPDATE "workspaces" SET "name" = "name" || '+' WHERE "id" = $1`, [id]);
    };
    await expect(
      processPeriodOnce(db, key, async (tx) => {
        await work()(tx);
        throw new Error("crashed mid-period");
      }),
    ).rejects.toThrow("crashed mid-period");
    expect(await marks(id)).toBe(""); // rolled back with its ledger row
    expect(await processPeriodOnce(db, key, work())).toEqual({ processed: true, result: undefined });
    expect(await processPeriodOnce(db, key, work())).toEqual({ processed: false });
    expect(await processPeriodOnce(db, { ...key, period: "2026-03-30T09:00" }, work())).toMatchObject({ processed: true });
    expect(await marks(id)).toBe("++");
  });

  it("fans out per workspace time zone and processes each period once across two runs and a worker restart", async () => {
    const berlin = await workspace("Europe/Berlin");
    const newYork = await workspace("America/New_York");
    const queue = `test.${uid()}`;
    const rule = { wallClock: { at: "09:00" } };
    const [tick, work] = defineFanOutJob({
      queue,
      period: rule,
      handler: async (tx, data) => {
        await tx.sql.query(`UPDATE "workspaces" SET "name" = "name" || '+' WHERE "id" = $1`, [data.workspaceId]);
      },
      workspaces: async () => [berlin, newYork],
    });
    expect(tick.queue).toBe(`${queue}.fan-out`);
    // 12:00 UTC on the day Berlin moved to summer time: 14:00 there (09:00 passed), 08:00 in New York (not yet).
    const now = new Date("2026-03-29T12:00:00Z");
    expect(duePeriod(rule, "Europe/Berlin", now)).toEqual({ key: "2026-03-29T09:00", dueAt: new Date("2026-03-29T07:00:00Z") });
    expect(duePeriod(rule, "America/New_York", now).key).toBe("2026-03-28T09:00");

    const registry = createJobRegistry([tick, work]);
    const run = async () => {
      const worker = await startWorker(db, registry, { queues: [queue], pollMs: 50, onError: () => undefined });
      try {
        const enqueued = await fanOut(db.sql, queue, rule, work, [berlin, newYork], now);
        await expect
          .poll(async () => (await db.sql.query(`SELECT 1 FROM "jobs" WHERE "queue" = $1 AND "state" <> 'completed'`, [queue])).length)
          .toBe(0);
        return enqueued;
      } finally {
        await worker.stop();
      }
    };
    expect(await run()).toBe(2);
    expect(await run()).toBe(0); // the second run (a restarted worker) finds both periods in the ledger
    // A duplicate job for a processed period (a stale retry, a second driver) does nothing.
    const dup = await enqueueJobWith(db.sql, work, {
      workspaceId: berlin.id,
      period: "2026-03-29T09:00",
      dueAt: now.toISOString(),
      timeZone: "Europe/Berlin",
    });
    const worker = await startWorker(db, registry, { queues: [queue], pollMs: 50, onError: () => undefined });
    try {
      expect((await waitForJob(db, dup.id)).state).toBe("completed");
    } finally {
      await worker.stop();
    }
    expect([await marks(berlin.id), await marks(newYork.id)]).toEqual(["+", "+"]);
    const ledger = await db.sql.query<{ workspaceId: number; period: string }>(
      `SELECT "workspace_id" AS "workspaceId", "period" FROM "job_period_ledger" WHERE "job" = $1 ORDER BY "workspace_id"`,
      [queue],
    );
    expect(ledger).toEqual([
      { workspaceId: berlin.id, period: "2026-03-29T09:00" },
      { workspaceId: newYork.id, period: "2026-03-28T09:00" },
    ]);
  });
});
