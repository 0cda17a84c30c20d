import type { z } from "zod";
import type { Database } from "@/lib/db/client";
import type { JobContext } from "./job-types";
import type { WallClockRule } from "./wall-clock";

/** How a job is retried: `maxAttempts` runs in all (1 = no retry), waits growing from `backoffSeconds`. */
export type RetryPolicy = { maxAttempts: number; backoffSeconds: number };

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, backoffSeconds: 5 };

/** When a recurring job is enqueued: every N seconds, or at local wall-clock times in a fixed zone. */
export type ScheduleTiming = { everySeconds: number } | { wallClock: WallClockRule & { timeZone: string } };

export type JobSchedule<Data> = ScheduleTiming & {
  /** Stable, unique name: its row in job_schedules and the singleton key of the jobs it enqueues. */
  name: string;
  data: Data;
};

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  readonly queue: string;
  readonly schema: S;
  readonly retry: RetryPolicy;
  readonly schedules: readonly JobSchedule<z.input<S>>[];
  /**
   * Runs one job. Delivery is at-least-once (a lost worker's job runs again), so it must be idempotent.
   * Throw to fail the attempt (retried with backoff); throw PermanentJobError to fail for good.
   */
  readonly handler: (db: Database, data: z.output<S>, ctx: JobContext) => Promise<void>;
};

const QUEUE_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/**
 * Declares a job next to the code it serves (lib/<domain>/…-job.ts): its queue name, payload schema
 * (checked when enqueued and again when run: a deploy may change it in between), handler, retry policy
 * and optional schedules. The definition is also what callers enqueue with (`enqueueJob(db, job, data)`),
 * so payloads are typed by the schema without any central list of queues.
 */
export function defineJob<S extends z.ZodType>(def: {
  queue: string;
  schema: S;
  handler: JobDefinition<S>["handler"];
  retry?: Partial<RetryPolicy>;
  schedules?: readonly JobSchedule<z.input<S>>[];
}): JobDefinition<S> {
  if (!QUEUE_NAME.test(def.queue)) throw new RangeError(`job queue name '${def.queue}' must match ${QUEUE_NAME}`);
  const retry = { ...DEFAULT_RETRY, ...def.retry };
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1)
    throw new RangeError(`${def.queue}: maxAttempts must be an integer ≥ 1`);
  if (!Number.isInteger(retry.backoffSeconds) || retry.backoffSeconds < 0) {
    throw new RangeError(`${def.queue}: backoffSeconds must be an integer ≥ 0`);
  }
  for (const s of def.schedules ?? []) {
    if ("everySeconds" in s && (!Number.isInteger(s.everySeconds) || s.everySeconds < 1)) {
      throw new RangeError(`${def.queue}: schedule '${s.name}' everySeconds must be an integer ≥ 1`);
    }
    def.schema.parse(s.data); // a schedule whose payload cannot be enqueued is a bug: fail at start-up
  }
  return Object.freeze({ queue: def.queue, schema: def.schema, handler: def.handler, retry, schedules: def.schedules ?? [] });
}
