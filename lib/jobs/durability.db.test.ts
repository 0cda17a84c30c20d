import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveDbConfig } from "@/lib/db/config";
import type { Database } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { uid } from "@/prisma/seed/test-db";
import { claimJobs } from "./claim-jobs";
import { enqueueJob } from "./enqueue-job";
import { ensurePartitionsJob } from "./handlers/ensure-partitions";
import { maintenanceJobs } from "./handlers/maintenance-jobs";
import { createJobRegistry } from "./job-registry";
import { getJob } from "./job-status";
import { insertJob } from "./insert-job";
import { runJobs } from "./run-jobs";
import { startWorker } from "./start-worker";
import { waitForJob } from "./wait-for-job";

/**
 * Jobs outlive the process: the database is closed and opened again (a restart). On PGlite that needs
 * a data directory on disk; with DATABASE_URL it is the same Postgres database.
 */
const config = resolveDbConfig();
const dataDir = config.kind === "postgres" ? null : fs.mkdtempSync(path.join(os.tmpdir(), "us-jobs-"));
const open = () =>
  openDatabase(config.kind === "postgres" ? config : { kind: "pglite", dataDir: path.join(dataDir!, "db") }, "jobs durability test");

afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("durability across a restart", () => {
  it("runs jobs queued before the restart and takes back a job its crashed worker left active", async () => {
    const queue = `test.${uid()}`;
    let db: Database = await open();
    let waitingId: string;
    let lostId: string;
    let typedId: string;
    try {
      lostId = (await insertJob(db.sql, queue, { n: 2 }, { maxAttempts: 3, backoffSeconds: 0 })).id;
      // A worker claims the job and dies before finishing it (no worker object: it never existed here).
      const claimed = await claimJobs(db.sql, "crashed-worker", [queue], 5);
      expect(claimed.map((j) => j.id)).toEqual([lostId]);
      waitingId = (await insertJob(db.sql, queue, { n: 1 }, { maxAttempts: 3, backoffSeconds: 0 })).id;
      typedId = await enqueueJob(db, ensurePartitionsJob, {});
      if (db.sql.kind === "postgres") {
        // Postgres cannot know the holder is dead until its heartbeat is old enough.
        await db.sql.query(`UPDATE "jobs" SET "heartbeat_at" = now() - interval '1 hour' WHERE "id" = $1`, [lostId]);
      }
    } finally {
      await db.close();
    }

    db = await open();
    const ran: number[] = [];
    const runner = await runJobs(db, {
      handlers: { [queue]: async (data) => void ran.push((data as { n: number }).n) },
      pollMs: 50,
      onError: () => undefined,
    });
    const worker = await startWorker(db, createJobRegistry(maintenanceJobs), {
      queues: ["maintenance.partitions"],
      pollMs: 50,
      onError: () => undefined,
    });
    try {
      expect(await waitForJob(db, waitingId)).toMatchObject({ state: "completed", attempts: 1 });
      expect(await waitForJob(db, lostId)).toMatchObject({ state: "completed", attempts: 2 });
      expect((await waitForJob(db, typedId)).state).toBe("completed");
      expect(ran.sort()).toEqual([1, 2]);
    } finally {
      await runner.stop();
      await worker.stop();
      await db.close();
    }
  });

  it("keeps a running job of a live in-process worker (PGlite) or with a fresh heartbeat (Postgres)", async () => {
    const queue = `test.${uid()}`;
    const db = await open();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const busy = await runJobs(db, { handlers: { [queue]: () => gate }, pollMs: 50, onError: () => undefined });
    try {
      const { id } = await insertJob(db.sql, queue, {}, { maxAttempts: 3, backoffSeconds: 0 });
      await waitForJob(db, id, { states: ["active"] });
      // A second worker starting now looks for lost jobs; the running one is not lost.
      const other = await runJobs(db, { handlers: { [queue]: async () => undefined }, pollMs: 50, onError: () => undefined });
      await other.stop();
      expect(await getJob(db, id)).toMatchObject({ state: "active", attempts: 1 });
      release();
      expect(await waitForJob(db, id)).toMatchObject({ state: "completed", attempts: 1 });
    } finally {
      release();
      await busy.stop();
      await db.close();
    }
  });
});
