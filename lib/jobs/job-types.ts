import type { Database } from "@/lib/db/client";
import type { JobPayload, QueueName } from "./queues";

export type JobState = "queued" | "active" | "completed" | "failed" | "cancelled";

export type JobContext = {
  jobId: string;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  /**
   * Records progress (e.g. events done of total) and proves the job is alive. Call it per batch, not
   * per row. On PGlite never call it while holding `sql.transaction` (one connection: it would wait on
   * itself); call it between transactions.
   */
  progress(done: number, total: number): Promise<void>;
  /**
   * Aborted when the worker stops. Long handlers may check it between batches and throw
   * (`signal.throwIfAborted()`): the job goes back to the queue without using up an attempt.
   */
  signal: AbortSignal;
};

/**
 * Runs one job. Delivery is at-least-once (a lost worker's job is run again), so a handler must be
 * idempotent. Throw to fail the attempt (retried with backoff); throw PermanentJobError to fail for good.
 */
export type JobHandler<Q extends QueueName> = (db: Database, data: JobPayload<Q>, ctx: JobContext) => Promise<void>;

export type JobRegistry = { [Q in QueueName]?: JobHandler<Q> };

/** The untyped form the runner drives (registry handlers are wrapped with their schema's parse). */
export type RawJobHandler = (data: unknown, ctx: JobContext) => Promise<void>;
