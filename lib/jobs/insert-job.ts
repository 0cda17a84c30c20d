import type { SqlExecutor } from "@/lib/db/sql";

export type InsertJobOptions = {
  /** At most one waiting job per (queue, key): enqueueing another returns the waiting one's id. */
  singletonKey?: string;
  /** Run no earlier than this many seconds from now. */
  startAfterSeconds?: number;
  maxAttempts: number;
  backoffSeconds: number;
};

export type InsertedJob = { id: string; created: boolean };

const MAX_SINGLETON_KEY_LENGTH = 200;

/**
 * The durable insert behind enqueueJob, untyped (queue names and payloads are checked by the caller).
 * With a singleton key, a conflicting waiting job wins; if it is claimed between our insert and our
 * lookup, the insert is simply tried again (the key is free by then).
 */
export async function insertJob(exec: SqlExecutor, queue: string, data: unknown, opts: InsertJobOptions): Promise<InsertedJob> {
  const key = opts.singletonKey ?? null;
  if (key !== null && (key.length === 0 || key.length > MAX_SINGLETON_KEY_LENGTH)) {
    throw new RangeError(`singletonKey must be 1–${MAX_SINGLETON_KEY_LENGTH} characters`);
  }
  const delay = opts.startAfterSeconds ?? 0;
  if (!Number.isFinite(delay) || delay < 0) throw new RangeError("startAfterSeconds must be a finite number ≥ 0");
  if (!Number.isInteger(opts.maxAttempts) || opts.maxAttempts < 1) throw new RangeError("maxAttempts must be an integer ≥ 1");
  if (!Number.isInteger(opts.backoffSeconds) || opts.backoffSeconds < 0) throw new RangeError("backoffSeconds must be an integer ≥ 0");
  const json = JSON.stringify(data ?? {});

  for (let tries = 0; tries < 5; tries++) {
    const inserted = await exec.query<{ id: string }>(
      `INSERT INTO "jobs" ("queue", "data", "singleton_key", "run_at", "max_attempts", "backoff_seconds")
       VALUES ($1, $2::jsonb, $3, now() + $4 * interval '1 second', $5, $6)
       ON CONFLICT ("queue", "singleton_key") WHERE "state" = 'queued' DO NOTHING
       RETURNING "id"`,
      [queue, json, key, delay, opts.maxAttempts, opts.backoffSeconds],
    );
    if (inserted[0]) return { id: inserted[0].id, created: true };
    const waiting = await exec.query<{ id: string }>(
      `SELECT "id" FROM "jobs" WHERE "queue" = $1 AND "singleton_key" = $2 AND "state" = 'queued'`,
      [queue, key],
    );
    if (waiting[0]) return { id: waiting[0].id, created: false };
  }
  throw new Error(`could not enqueue a '${queue}' job with singleton key '${key}' (the key kept changing hands)`);
}
