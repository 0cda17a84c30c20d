import type { Database } from "@/lib/db/client";
import type { SqlExecutor } from "@/lib/db/sql";
import { InvalidJobDataError } from "./job-errors";
import { insertJob } from "./insert-job";
import { wakeLocalWorkers } from "./local-workers";
import { queuePolicy, queueSchemas, type JobData, type QueueName } from "./queues";

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
  /**
   * Enqueue inside your own transaction (`sql.transaction(tx => …)`): the job exists exactly when your
   * writes commit. Required on PGlite when you are inside a transaction (one connection).
   */
  tx?: SqlExecutor;
};

/** Enqueues a job durably and returns its id (the waiting job's id when deduplicated by singletonKey). */
export async function enqueueJob<Q extends QueueName>(
  db: Database,
  queue: Q,
  data: JobData<Q>,
  opts: EnqueueOptions = {},
): Promise<string> {
  const schema = queueSchemas[queue];
  if (!schema) throw new RangeError(`unknown job queue '${String(queue)}'`);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new InvalidJobDataError(queue, parsed.error.issues);
  const { id, created } = await insertJob(opts.tx ?? db.sql, queue, parsed.data, {
    singletonKey: opts.singletonKey,
    startAfterSeconds: opts.startAfterSeconds,
    ...queuePolicy(queue),
  });
  // Inside a caller's transaction on Postgres the woken claim may not see the row yet; the next poll
  // (≤ 1 s) does. On PGlite the claim queues behind the transaction and sees it at once.
  if (created && !opts.startAfterSeconds) wakeLocalWorkers(db.sql);
  return id;
}
