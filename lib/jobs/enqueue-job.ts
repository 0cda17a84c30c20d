import type { z } from "zod";
import type { Database } from "@/lib/db/client";
import type { SqlExecutor } from "@/lib/db/sql";
import type { JobDefinition } from "./define-job";
import { InvalidJobDataError } from "./job-errors";
import { insertJob, type InsertedJob } from "./insert-job";
import { wakeLocalWorkers } from "./local-workers";

/** What enqueueing needs of a job: a definition, or just its queue, schema and retry policy (no handler import). */
export type JobTarget<S extends z.ZodType> = Pick<JobDefinition<S>, "queue" | "schema" | "retry">;

export type EnqueueOptions = {
  /**
   * At most one WAITING job per (queue, singletonKey): while one waits, enqueueing another returns the
   * waiting job's id (its payload and start time are kept). A job with the key that is already running
   * does not count, so work arriving during a run gets its own run after it, and two jobs with one key
   * never run at the same time.
   */
  singletonKey?: string;
  /** Delay the first run by this many seconds. */
  startAfterSeconds?: number;
};

/**
 * Validates and inserts a job with the given executor, e.g. a caller's transaction (`tx.sql` of
 * withTransaction, or db.sql.transaction's): the job then exists exactly when those writes commit.
 * Required on PGlite when you are inside a transaction (one connection). Workers pick it up at their
 * next poll (≤ 1 s); enqueueJob also wakes this process's workers at once.
 */
export async function enqueueJobWith<S extends z.ZodType>(
  exec: SqlExecutor,
  job: JobTarget<S>,
  data: z.input<S>,
  opts: EnqueueOptions = {},
): Promise<InsertedJob> {
  const parsed = job.schema.safeParse(data);
  if (!parsed.success) throw new InvalidJobDataError(job.queue, parsed.error.issues);
  return insertJob(exec, job.queue, parsed.data, {
    singletonKey: opts.singletonKey,
    startAfterSeconds: opts.startAfterSeconds,
    ...job.retry,
  });
}

/** Enqueues a job durably and returns its id (the waiting job's id when deduplicated by singletonKey). */
export async function enqueueJob<S extends z.ZodType>(
  db: Database,
  job: JobTarget<S>,
  data: z.input<S>,
  opts: EnqueueOptions & { tx?: SqlExecutor } = {},
): Promise<string> {
  const { id, created } = await enqueueJobWith(opts.tx ?? db.sql, job, data, opts);
  // Inside a caller's transaction on Postgres the woken claim may not see the row yet; the next poll
  // (≤ 1 s) does. On PGlite the claim queues behind the transaction and sees it at once.
  if (created && !opts.startAfterSeconds) wakeLocalWorkers(db.sql);
  return id;
}
