import type { Database } from "@/lib/db/client";
import type { JobDefinition } from "./define-job";
import { InvalidJobDataError } from "./job-errors";
import type { JobRegistry } from "./job-registry";
import type { RawJobHandler } from "./job-types";
import { runJobs, type RunJobsOptions } from "./run-jobs";

export type StartWorkerOptions = {
  /** Jobs run at once (all queues together); default 2. */
  concurrency?: number;
  /** Idle wait between claims in ms, at most 1000; default 500. */
  pollMs?: number;
  /** Serve only these queues (default: every queue of the registry). */
  queues?: readonly string[];
} & Pick<RunJobsOptions, "onError" | "heartbeatMs" | "staleAfterSeconds" | "housekeepingMs">;

function parsedHandler(db: Database, def: JobDefinition): RawJobHandler {
  return async (data, ctx) => {
    // Validated again at run time: the payload may predate a schema change.
    const parsed = def.schema.safeParse(data);
    if (!parsed.success) throw new InvalidJobDataError(def.queue, parsed.error.issues);
    await def.handler(db, parsed.data, ctx);
  };
}

/**
 * Starts a worker for the registry's queues on this database: in the app process (embedded PGlite,
 * or Postgres unless a separate `npm run worker` runs) or in that separate process. Several workers
 * may serve one Postgres database; each job runs on one of them at a time. The registry comes from the
 * composition (lib/boot/jobs.ts): lib/jobs knows no domain.
 */
export async function startWorker(db: Database, registry: JobRegistry, opts: StartWorkerOptions = {}): Promise<{ stop(): Promise<void> }> {
  const served = opts.queues ?? [...registry.jobs.keys()];
  const handlers: Record<string, RawJobHandler> = {};
  for (const queue of served) {
    const def = registry.jobs.get(queue);
    if (!def) throw new RangeError(`no job is defined for queue '${queue}' (add its module to lib/boot/jobs.ts)`);
    handlers[queue] = parsedHandler(db, def);
  }
  const runner = await runJobs(db, {
    handlers,
    schedules: registry.schedules,
    concurrency: opts.concurrency,
    pollMs: opts.pollMs,
    heartbeatMs: opts.heartbeatMs,
    staleAfterSeconds: opts.staleAfterSeconds,
    housekeepingMs: opts.housekeepingMs,
    onError: opts.onError,
  });
  return { stop: () => runner.stop() };
}
