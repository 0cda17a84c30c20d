import type { Database } from "@/lib/db/client";
import { InvalidJobDataError } from "./job-errors";
import type { JobHandler, RawJobHandler } from "./job-types";
import { queueNames, queueSchemas, type JobPayload, type QueueName } from "./queues";
import { registry } from "./registry";
import { runJobs, type RunJobsOptions } from "./run-jobs";
import { scheduleRow, schedules } from "./schedules";

export type StartWorkerOptions = {
  /** Jobs run at once (all queues together); default 2. */
  concurrency?: number;
  /** Idle wait between claims in ms, at most 1000; default 500. */
  pollMs?: number;
  /** Serve only these queues (default: every queue with a handler in registry.ts). */
  queues?: readonly QueueName[];
  onError?: RunJobsOptions["onError"];
};

function parsedHandler<Q extends QueueName>(db: Database, queue: Q, handler: JobHandler<Q>): RawJobHandler {
  return async (data, ctx) => {
    // Validated again at run time: the payload may predate a schema change.
    const parsed = queueSchemas[queue].safeParse(data);
    if (!parsed.success) throw new InvalidJobDataError(queue, parsed.error.issues);
    await handler(db, parsed.data as JobPayload<Q>, ctx);
  };
}

/**
 * Starts a worker for the registry's queues on this database: in the app process (embedded PGlite,
 * or Postgres unless a separate `npm run worker` runs) or in that separate process. Several workers
 * may serve one Postgres database; each job runs on one of them at a time.
 */
export async function startWorker(db: Database, opts: StartWorkerOptions = {}): Promise<{ stop(): Promise<void> }> {
  const served = opts.queues ?? queueNames.filter((q) => registry[q]);
  const handlers: Record<string, RawJobHandler> = {};
  for (const queue of served) {
    const handler = registry[queue] as JobHandler<typeof queue> | undefined;
    if (!handler) throw new RangeError(`no handler registered for job queue '${queue}' (lib/jobs/registry.ts)`);
    handlers[queue] = parsedHandler(db, queue, handler);
  }
  const runner = await runJobs(db, {
    handlers,
    schedules: schedules.map(scheduleRow),
    concurrency: opts.concurrency,
    pollMs: opts.pollMs,
    onError: opts.onError,
  });
  return { stop: () => runner.stop() };
}
