import type { SqlExecutor } from "@/lib/db/sql";
import type { JobDefinition, JobSchedule, ScheduleTiming } from "./define-job";
import { nextOccurrence } from "./wall-clock";

/** A schedule as the worker keeps it (the job definition's retry policy included). */
export type ScheduleRow = {
  name: string;
  queue: string;
  data: unknown;
  maxAttempts: number;
  backoffSeconds: number;
} & ScheduleTiming;

export function scheduleRow(def: JobDefinition, s: JobSchedule<unknown>): ScheduleRow {
  const timing: ScheduleTiming = "everySeconds" in s ? { everySeconds: s.everySeconds } : { wallClock: s.wallClock };
  return { name: s.name, queue: def.queue, data: def.schema.parse(s.data), ...def.retry, ...timing };
}

function specOf(s: ScheduleRow): string | null {
  return "wallClock" in s ? JSON.stringify(s.wallClock) : null;
}

/**
 * Creates or updates a schedule. A new interval schedule is due at once (a fresh install runs its
 * maintenance on first start); a new wall-clock one at its next occurrence. A changed timing never
 * pushes an existing due time further out.
 */
export async function upsertSchedule(sql: SqlExecutor, s: ScheduleRow): Promise<void> {
  const every = "everySeconds" in s ? s.everySeconds : null;
  const firstRun = "wallClock" in s ? nextOccurrence(s.wallClock, s.wallClock.timeZone, new Date()).at : null;
  await sql.query(
    `INSERT INTO "job_schedules" ("name", "queue", "data", "every_seconds", "spec", "next_run_at")
     VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, COALESCE($6::timestamptz, now()))
     ON CONFLICT ("name") DO UPDATE
        SET "queue" = EXCLUDED."queue", "data" = EXCLUDED."data", "every_seconds" = EXCLUDED."every_seconds", "spec" = EXCLUDED."spec",
            "next_run_at" = CASE
              WHEN "job_schedules"."every_seconds" IS NOT DISTINCT FROM EXCLUDED."every_seconds"
               AND "job_schedules"."spec" IS NOT DISTINCT FROM EXCLUDED."spec" THEN "job_schedules"."next_run_at"
              ELSE LEAST("job_schedules"."next_run_at", COALESCE($6::timestamptz, now() + EXCLUDED."every_seconds" * interval '1 second'))
            END`,
    [s.name, s.queue, JSON.stringify(s.data ?? {}), every, specOf(s), firstRun],
  );
}

/**
 * Enqueues the schedule's job if it is due, moving its due time forward in the same statement: of two
 * workers checking at once, one wins the row lock and the other then sees it not due. Returns the
 * enqueued job id, or null (not due, or its previous job is still waiting: singleton key).
 *
 * Wall-clock schedules: the next due time is computed here (Intl time zone data) from the database's
 * clock and written only if the row still holds the due time we read (the same single winner). A
 * worker that was down across several occurrences runs the schedule once, not once per missed one.
 */
export async function enqueueIfDue(sql: SqlExecutor, s: ScheduleRow): Promise<string | null> {
  let next: Date | null = null;
  let seen: Date | null = null;
  if ("wallClock" in s) {
    const [row] = await sql.query<{ due: Date; now: Date }>(
      `SELECT "next_run_at" AS "due", now() AS "now" FROM "job_schedules" WHERE "name" = $1 AND "next_run_at" <= now()`,
      [s.name],
    );
    if (!row) return null;
    seen = row.due;
    next = nextOccurrence(s.wallClock, s.wallClock.timeZone, row.now).at;
  }
  const rows = await sql.query<{ id: string }>(
    `WITH due AS (
       UPDATE "job_schedules"
          SET "next_run_at" = COALESCE($5::timestamptz, now() + "every_seconds" * interval '1 second'), "last_enqueued_at" = now()
        WHERE "name" = $1 AND "next_run_at" <= now() AND ($6::timestamptz IS NULL OR "next_run_at" = $6::timestamptz)
        RETURNING "queue", "data"
     )
     INSERT INTO "jobs" ("queue", "data", "singleton_key", "max_attempts", "backoff_seconds")
     SELECT due."queue", due."data", $2, $3, $4 FROM due
     ON CONFLICT ("queue", "singleton_key") WHERE "state" = 'queued' DO NOTHING
     RETURNING "id"`,
    [s.name, `schedule:${s.name}`, s.maxAttempts, s.backoffSeconds, next, seen],
  );
  return rows[0]?.id ?? null;
}
