import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Database } from "@/lib/db/client";
import { claimJobs, type ClaimedJob } from "./claim-jobs";
import { describeJobError, PermanentJobError } from "./job-errors";
import type { JobContext, RawJobHandler } from "./job-types";
import { localWorkerIds, registerLocalWorker } from "./local-workers";
import { reclaimLostJobs, type ReclaimRule } from "./reclaim-jobs";
import { retryDelaySeconds } from "./retry-policy";
import { enqueueIfDue, upsertSchedule, type ScheduleRow } from "./schedules";
import { completeJob, settleFailedJob, type FailureMode, type HeldJob } from "./settle-job";

export type RunJobsOptions = {
  /** Queue name → handler; only these queues are claimed. */
  handlers: Readonly<Record<string, RawJobHandler>>;
  /** Recurring jobs this worker keeps enqueueing (only those of its queues). */
  schedules?: readonly ScheduleRow[];
  /** Jobs run at once by this worker (all queues together). */
  concurrency?: number;
  /** Idle wait between claims. ≤ 1000 so new work starts within a second even from another process. */
  pollMs?: number;
  /** Postgres: how often running jobs are marked alive. */
  heartbeatMs?: number;
  /** Postgres: an active job without a heartbeat this long was left by a dead worker and is taken back. */
  staleAfterSeconds?: number;
  /** How often lost jobs are looked for and schedules checked. */
  housekeepingMs?: number;
  /** Where problems are reported (failed attempts, database errors); console.error by default. */
  onError?: (message: string, err?: unknown) => void;
};

export type JobRunner = { readonly id: string; stop(): Promise<void> };

const MAX_ERROR_BACKOFF_MS = 30_000;

function positiveInt(name: string, value: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new RangeError(`${name} must be an integer in 1…${max}`);
  return value;
}

function isAbortError(err: unknown, signal: AbortSignal): boolean {
  return err === signal.reason || (err instanceof Error && err.name === "AbortError");
}

/**
 * The worker loop: claims due jobs of its queues, runs them with bounded concurrency, settles each
 * (completed, retried with backoff, failed), keeps schedules and takes back jobs of dead workers.
 * Every promise is awaited or caught: a failing handler or database never becomes an unhandled
 * rejection. stop() lets running jobs finish (their signal is aborted) and leaves no timer behind.
 */
export async function runJobs(db: Database, opts: RunJobsOptions): Promise<JobRunner> {
  const sql = db.sql;
  const queues = Object.keys(opts.handlers);
  const concurrency = positiveInt("concurrency", opts.concurrency ?? 2, 64);
  const pollMs = positiveInt("pollMs", opts.pollMs ?? 500, 1000);
  const heartbeatMs = positiveInt("heartbeatMs", opts.heartbeatMs ?? 10_000);
  const staleAfterSeconds = positiveInt("staleAfterSeconds", opts.staleAfterSeconds ?? 120);
  if (staleAfterSeconds * 1000 < 3 * heartbeatMs) throw new RangeError("staleAfterSeconds must cover at least three heartbeats");
  const housekeepingMs = positiveInt("housekeepingMs", opts.housekeepingMs ?? 30_000);
  const schedules = (opts.schedules ?? []).filter((s) => queues.includes(s.queue));
  const report = opts.onError ?? ((message: string, err?: unknown) => console.error(`[jobs] ${message}`, err ?? ""));
  const id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  const controller = new AbortController();
  const running = new Set<Promise<void>>();
  let stopping = false;
  let sleeper: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
  let wakePending = false;

  const wake = () => {
    if (!sleeper) {
      wakePending = true; // woken mid-claim: do not sleep after it
      return;
    }
    clearTimeout(sleeper.timer);
    const { resolve } = sleeper;
    sleeper = null;
    resolve();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopping || wakePending) {
        wakePending = false;
        return resolve();
      }
      sleeper = { timer: setTimeout(() => ((sleeper = null), resolve()), ms), resolve };
    });

  const reclaimRule = (): ReclaimRule =>
    sql.kind === "pglite" ? { kind: "not-live", liveWorkerIds: localWorkerIds(sql) } : { kind: "stale", staleSeconds: staleAfterSeconds };

  async function housekeeping(): Promise<void> {
    const reclaimed = await reclaimLostJobs(sql, queues, reclaimRule());
    if (reclaimed) report(`took back ${reclaimed} job(s) left running by a worker that is gone`);
    for (const s of schedules) await enqueueIfDue(sql, s);
  }

  async function settle(job: ClaimedJob, held: HeldJob, mode: FailureMode, err: unknown): Promise<void> {
    const message = describeJobError(err);
    const state = await settleFailedJob(sql, held, mode, message);
    if (mode === "release" || state === null) return;
    const next =
      state === "queued"
        ? `retry in ${retryDelaySeconds(job.attempts, job.backoffSeconds)} s`
        : state === "failed"
          ? "failed for good"
          : state;
    report(`${job.queue} job ${job.id} attempt ${job.attempts}/${job.maxAttempts} failed (${next}): ${message}`);
  }

  async function execute(job: ClaimedJob): Promise<void> {
    const held: HeldJob = { id: job.id, attempts: job.attempts, backoffSeconds: job.backoffSeconds, lockedBy: id };
    const ctx: JobContext = {
      jobId: job.id,
      attempt: job.attempts,
      signal: controller.signal,
      async progress(done, total) {
        if (!Number.isSafeInteger(done) || !Number.isSafeInteger(total) || done < 0 || total < 0) {
          throw new RangeError("progress(done, total) takes integers ≥ 0");
        }
        await sql.query(
          `UPDATE "jobs" SET "progress_done" = $2, "progress_total" = $3, "heartbeat_at" = now()
            WHERE "id" = $1 AND "state" = 'active' AND "locked_by" = $4`,
          [job.id, done, total, id],
        );
      },
    };
    try {
      // Claimed just as stop() began: hand it back untouched rather than start it.
      if (controller.signal.aborted) return await settle(job, held, "release", controller.signal.reason);
      let failure: { mode: FailureMode; err: unknown } | null = null;
      try {
        const handler = opts.handlers[job.queue];
        if (!handler) throw new PermanentJobError(`no handler for queue '${job.queue}'`);
        await handler(job.data, ctx);
      } catch (err) {
        const mode =
          err instanceof PermanentJobError
            ? "permanent"
            : controller.signal.aborted && isAbortError(err, controller.signal)
              ? "release"
              : "retry";
        failure = { mode, err };
      }
      if (failure) return await settle(job, held, failure.mode, failure.err);
      if (!(await completeJob(sql, held))) {
        report(`${job.queue} job ${job.id} finished after another worker took it over (no heartbeat); its result was dropped`);
      }
    } catch (err) {
      // The database failed while settling: the job stays active and is taken back as lost later.
      report(`could not record the outcome of ${job.queue} job ${job.id}`, err);
    }
  }

  const unregister = registerLocalWorker(sql, { id, wake });
  try {
    for (const s of schedules) await upsertSchedule(sql, s);
    await housekeeping();
  } catch (err) {
    unregister();
    throw err;
  }

  let beating: Promise<void> | null = null;
  // PGlite needs no heartbeat: lost jobs are recognised by their worker not running in this process.
  const heartbeat =
    sql.kind === "postgres"
      ? setInterval(() => {
          if (beating || running.size === 0) return;
          beating = sql
            .query(`UPDATE "jobs" SET "heartbeat_at" = now() WHERE "state" = 'active' AND "locked_by" = $1`, [id])
            .then(
              () => undefined,
              (err: unknown) => report("heartbeat failed", err),
            )
            .finally(() => (beating = null));
        }, heartbeatMs)
      : null;

  const loop = (async () => {
    let lastHousekeeping = Date.now();
    let failures = 0;
    while (!stopping) {
      try {
        if (Date.now() - lastHousekeeping >= housekeepingMs) {
          lastHousekeeping = Date.now();
          await housekeeping();
        }
        const free = concurrency - running.size;
        for (const job of free > 0 ? await claimJobs(sql, id, queues, free) : []) {
          const run: Promise<void> = execute(job).finally(() => {
            running.delete(run);
            wake();
          });
          running.add(run);
        }
        failures = 0;
      } catch (err) {
        failures++;
        // Report the first failure and then sparsely: a database outage must not flood the log.
        if ((failures & (failures - 1)) === 0) report(`job worker could not reach the queue (failure ${failures})`, err);
      }
      await sleep(failures ? Math.min(pollMs * 2 ** failures, MAX_ERROR_BACKOFF_MS) : pollMs);
    }
  })();

  let stopped: Promise<void> | null = null;
  return {
    id,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        controller.abort(new DOMException("the job worker is stopping", "AbortError"));
        wake();
        await loop;
        await Promise.all(running);
        if (heartbeat) clearInterval(heartbeat);
        await beating;
        unregister();
      })();
      return stopped;
    },
  };
}
