import type { Database } from "@/lib/db/client";
import type { JobState } from "./job-types";

export type JobStatus = {
  id: string;
  queue: string;
  state: JobState;
  data: unknown;
  /** Last progress the handler reported, absent until it reports. */
  progress?: { done: number; total: number };
  /** The last failed attempt's error (kept while retrying; cleared on completion). */
  error?: string;
  attempts: number;
  maxAttempts: number;
  singletonKey: string | null;
  createdAt: Date;
  /** When it runs (next retry while waiting). */
  runAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

type JobRow = Omit<JobStatus, "progress" | "error"> & {
  progressDone: number | null;
  progressTotal: number | null;
  lastError: string | null;
};

const COLUMNS = `"id", "queue", "state", "data", "attempts", "max_attempts" AS "maxAttempts", "singleton_key" AS "singletonKey",
  "created_at" AS "createdAt", "run_at" AS "runAt", "started_at" AS "startedAt", "finished_at" AS "finishedAt",
  "progress_done" AS "progressDone", "progress_total" AS "progressTotal", "last_error" AS "lastError"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Job ids are UUIDs; anything else cannot name a job (and must not reach a ::uuid comparison). */
export function isJobId(id: string): boolean {
  return UUID.test(id);
}

function toStatus({ progressDone, progressTotal, lastError, ...row }: JobRow): JobStatus {
  return {
    ...row,
    ...(progressDone !== null && progressTotal !== null ? { progress: { done: progressDone, total: progressTotal } } : {}),
    ...(lastError !== null ? { error: lastError } : {}),
  };
}

/** One job by id, or null (also for a malformed id, so callers can pass route params straight in). */
export async function getJob(db: Database, id: string): Promise<JobStatus | null> {
  if (!isJobId(id)) return null;
  const [row] = await db.sql.query<JobRow>(`SELECT ${COLUMNS} FROM "jobs" WHERE "id" = $1`, [id]);
  return row ? toStatus(row) : null;
}

/** Recent jobs, newest first, optionally of one queue and/or some states (e.g. for an admin view). */
export async function listJobs(
  db: Database,
  filter: { queue?: string; states?: readonly JobState[]; limit?: number } = {},
): Promise<JobStatus[]> {
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 500);
  const rows = await db.sql.query<JobRow>(
    `SELECT ${COLUMNS} FROM "jobs"
      WHERE ($1::text IS NULL OR "queue" = $1) AND ($2::text[] IS NULL OR "state" = ANY($2::text[]))
      ORDER BY "created_at" DESC, "id" LIMIT $3`,
    [filter.queue ?? null, filter.states ? [...filter.states] : null, limit],
  );
  return rows.map(toStatus);
}
