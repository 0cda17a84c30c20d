import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { cancelJob } from "./cancel-job";
import { defineJob } from "./define-job";
import { enqueueJob } from "./enqueue-job";
import { ensurePartitionsJob } from "./handlers/ensure-partitions";
import { maintenanceJobs } from "./handlers/maintenance-jobs";
import { createJobRegistry } from "./job-registry";
import { InvalidJobDataError, PermanentJobError } from "./job-errors";
import { getJob, listJobs } from "./job-status";
import { insertJob } from "./insert-job";
import { runJobs, type RunJobsOptions } from "./run-jobs";
import { startWorker } from "./start-worker";
import { waitForJob } from "./wait-for-job";

let db: Database;
const problems: string[] = [];
const quiet: RunJobsOptions["onError"] = (message) => void problems.push(message);
const policy = { maxAttempts: 3, backoffSeconds: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
const registry = createJobRegistry(maintenanceJobs);
/** A typed job whose schema the enqueue checks (it is never run here). */
const typedJob = defineJob({
  queue: "test.typed",
  schema: z.object({ runId: z.number().int().positive() }),
  handler: async () => undefined,
});

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("enqueue → worker → completed", () => {
  it("runs a defined job through startWorker and records its progress", async () => {
    // The pg pool keeps one idle timer per idle client; open the clients this test can use first so the
    // count below measures the worker's own timers, not the pool growing under a loaded machine.
    await Promise.all(Array.from({ length: 6 }, () => db.sql.query("SELECT pg_sleep(0.05)")));
    const before = timeouts();
    const worker = await startWorker(db, registry, { queues: ["maintenance.partitions"], pollMs: 100, onError: quiet });
    try {
      const id = await enqueueJob(db, ensurePartitionsJob, {});
      const job = await waitForJob(db, id, { timeoutMs: 10_000 });
      expect(job).toMatchObject({ id, queue: "maintenance.partitions", state: "completed", attempts: 1, progress: { done: 1, total: 1 } });
      expect(job.error).toBeUndefined();
      expect(job.finishedAt!.getTime()).toBeGreaterThanOrEqual(job.startedAt!.getTime());
    } finally {
      await worker.stop();
    }
    // stop() leaves no timer of its own behind (vitest would otherwise hang or leak work between tests)
    expect(timeouts()).toBeLessThanOrEqual(before);
  });

  it("reports intermediate progress while a job runs", async () => {
    const queue = `test.${uid()}`;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const runner = await runJobs(db, {
      handlers: {
        [queue]: async (_data, ctx) => {
          await ctx.progress(40, 100);
          await gate;
          await ctx.progress(100, 100);
        },
      },
      pollMs: 50,
      onError: quiet,
    });
    try {
      const { id } = await insertJob(db.sql, queue, { n: 1 }, policy);
      const running = await waitForJob(db, id, { states: ["active"] });
      await expect.poll(async () => (await getJob(db, id))?.progress).toEqual({ done: 40, total: 100 });
      expect(running.startedAt).toBeInstanceOf(Date);
      release();
      expect(await waitForJob(db, id)).toMatchObject({ state: "completed", progress: { done: 100, total: 100 }, data: { n: 1 } });
    } finally {
      release();
      await runner.stop();
    }
  });

  it("rejects a payload that does not match its queue's schema, writing nothing", async () => {
    const key = uid();
    await expect(enqueueJob(db, typedJob, { runId: -1 }, { singletonKey: key })).rejects.toBeInstanceOf(InvalidJobDataError);
    // @ts-expect-error: the payload type is checked at compile time too
    await expect(enqueueJob(db, typedJob, { run: 1 }, { singletonKey: key })).rejects.toThrow(/runId/);
    const rows = await db.sql.query(`SELECT 1 FROM "jobs" WHERE "singleton_key" = $1`, [key]);
    expect(rows).toHaveLength(0);
    expect(await getJob(db, "not-a-uuid")).toBeNull();
  });
});

describe("retries", () => {
  it("retries a failing handler with growing backoff, then marks it failed with its error", async () => {
    const queue = `test.${uid()}`;
    const calls: number[] = [];
    const runner = await runJobs(db, {
      handlers: {
        [queue]: async () => {
          calls.push(Date.now());
          throw new Error(`boom ${calls.length}`);
        },
      },
      pollMs: 50,
      onError: quiet,
    });
    try {
      const { id } = await insertJob(db.sql, queue, {}, { maxAttempts: 3, backoffSeconds: 1 });
      await expect.poll(() => calls.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
      const waiting = await waitForJob(db, id, { states: ["queued"] });
      expect(waiting).toMatchObject({ attempts: 1, error: "boom 1" });
      expect(waiting.runAt.getTime()).toBeGreaterThan(Date.now() - 100);
      const failed = await waitForJob(db, id, { timeoutMs: 10_000 });
      expect(failed).toMatchObject({ state: "failed", attempts: 3, maxAttempts: 3, error: "boom 3" });
      expect(calls).toHaveLength(3);
      // backoff 1 s then 2 s (exponential), measured between the runs
      expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(900);
      expect(calls[2]! - calls[1]!).toBeGreaterThanOrEqual(1_900);
      expect(problems.some((p) => p.includes(id) && p.includes("failed for good"))).toBe(true);
    } finally {
      await runner.stop();
    }
  });

  it("fails at once on PermanentJobError and succeeds on a later attempt otherwise", async () => {
    const queue = `test.${uid()}`;
    const runner = await runJobs(db, {
      handlers: {
        [queue]: async (data, ctx) => {
          const { kind } = data as { kind: string };
          if (kind === "permanent") throw new PermanentJobError("the run is gone");
          if (ctx.attempt < 2) throw new Error("transient");
        },
      },
      pollMs: 50,
      onError: quiet,
    });
    try {
      const permanent = await insertJob(db.sql, queue, { kind: "permanent" }, policy);
      const flaky = await insertJob(db.sql, queue, { kind: "flaky" }, policy);
      expect(await waitForJob(db, permanent.id)).toMatchObject({
        state: "failed",
        attempts: 1,
        error: "PermanentJobError: the run is gone",
      });
      const done = await waitForJob(db, flaky.id);
      expect(done).toMatchObject({ state: "completed", attempts: 2 });
      expect(done.error).toBeUndefined();
    } finally {
      await runner.stop();
    }
  });
});

describe("singleton keys", () => {
  it("dedupes waiting jobs by key and returns the waiting job's id", async () => {
    const key = uid();
    const a = await enqueueJob(db, ensurePartitionsJob, {}, { singletonKey: key, startAfterSeconds: 3600 });
    const b = await enqueueJob(db, ensurePartitionsJob, {}, { singletonKey: key });
    const other = await enqueueJob(db, ensurePartitionsJob, {}, { singletonKey: `${key}-2`, startAfterSeconds: 3600 });
    expect(b).toBe(a);
    expect(other).not.toBe(a);
    const queue = `test.${uid()}`;
    const x = await insertJob(db.sql, queue, {}, policy);
    const y = await insertJob(db.sql, queue, {}, policy);
    expect(x.id).not.toBe(y.id); // no key, no dedupe
    expect((await listJobs(db, { queue })).map((j) => j.id).sort()).toEqual([x.id, y.id].sort());
    expect(await cancelJob(db, a)).toBe(true);
    expect(await cancelJob(db, other)).toBe(true);
    expect(await cancelJob(db, a)).toBe(false); // only waiting jobs can be cancelled
    // the key is free again once its job left the waiting state
    const c = await enqueueJob(db, ensurePartitionsJob, {}, { singletonKey: key, startAfterSeconds: 3600 });
    expect(c).not.toBe(a);
    await cancelJob(db, c);
  });

  it("queues a new job while one with the key runs, and never runs the two at once", async () => {
    const queue = `test.${uid()}`;
    let active = 0;
    let maxActive = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const runner = await runJobs(db, {
      handlers: {
        [queue]: async (data) => {
          active++;
          maxActive = Math.max(maxActive, active);
          if ((data as { n: number }).n === 1) await gate;
          active--;
        },
      },
      concurrency: 3,
      pollMs: 50,
      onError: quiet,
    });
    try {
      const first = await insertJob(db.sql, queue, { n: 1 }, { ...policy, singletonKey: "ws-1" });
      await waitForJob(db, first.id, { states: ["active"] });
      const second = await insertJob(db.sql, queue, { n: 2 }, { ...policy, singletonKey: "ws-1" });
      const third = await insertJob(db.sql, queue, { n: 3 }, { ...policy, singletonKey: "ws-1" });
      expect(second.created).toBe(true);
      expect(third).toEqual({ id: second.id, created: false });
      await sleep(400); // several polls with free slots
      expect((await getJob(db, second.id))?.state).toBe("queued");
      release();
      expect((await waitForJob(db, second.id)).state).toBe("completed");
      expect((await getJob(db, first.id))?.state).toBe("completed");
      expect(maxActive).toBe(1);
    } finally {
      release();
      await runner.stop();
    }
  });
});

describe("stop and schedules", () => {
  it("stop() waits for running jobs; a handler that honours the signal is put back without using an attempt", async () => {
    const queue = `test.${uid()}`;
    let finished = false;
    const runner = await runJobs(db, {
      handlers: {
        [queue]: async (data, ctx) => {
          if ((data as { kind: string }).kind === "cooperative") {
            await new Promise((r) => ctx.signal.addEventListener("abort", r, { once: true }));
            ctx.signal.throwIfAborted();
          }
          await sleep(300);
          finished = true;
        },
      },
      concurrency: 2,
      pollMs: 50,
      onError: quiet,
    });
    const plain = await insertJob(db.sql, queue, { kind: "plain" }, policy);
    const coop = await insertJob(db.sql, queue, { kind: "cooperative" }, policy);
    await waitForJob(db, plain.id, { states: ["active"] });
    await waitForJob(db, coop.id, { states: ["active"] });
    await runner.stop();
    expect(finished).toBe(true);
    expect((await getJob(db, plain.id))?.state).toBe("completed");
    expect(await getJob(db, coop.id)).toMatchObject({ state: "queued", attempts: 0 });
    await cancelJob(db, coop.id);
  });

  it("enqueues a schedule's job once per interval, however many workers start", async () => {
    const queue = `test.${uid()}`;
    const name = `schedule-${uid()}`;
    let runs = 0;
    const options: RunJobsOptions = {
      handlers: { [queue]: async () => void runs++ },
      schedules: [{ name, queue, data: {}, everySeconds: 3600, ...policy }],
      pollMs: 50,
      onError: quiet,
    };
    const first = await runJobs(db, options);
    const second = await runJobs(db, options);
    try {
      await expect.poll(() => runs).toBe(1);
      await sleep(300);
      expect(runs).toBe(1);
      const [row] = await db.sql.query<{ due_in: number }>(
        `SELECT EXTRACT(EPOCH FROM "next_run_at" - now())::float8 AS due_in FROM "job_schedules" WHERE "name" = $1`,
        [name],
      );
      expect(row!.due_in).toBeGreaterThan(3500);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});
