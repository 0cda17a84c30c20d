import type { SqlExecutor } from "@/lib/db/sql";
import { queuePolicy, type JobData, type QueueName } from "./queues";

export type Schedule<Q extends QueueName = QueueName> = {
  /** Stable name: the row in job_schedules and the singleton key of the jobs it enqueues. */
  name: string;
  queue: Q;
  data: JobData<Q>;
  everySeconds: number;
};

const DAY = 86_400;

/** Recurring jobs, run by any worker that serves their queue. Add yours here. */
export const schedules: Schedule[] = [
  { name: "maintenance.partitions.daily", queue: "maintenance.partitions", data: {}, everySeconds: DAY },
  { name: "maintenance.prune-jobs.daily", queue: "maintenance.prune-jobs", data: {}, everySeconds: DAY },
  { name: "rollups.sweep", queue: "rollups.sweep", data: {}, everySeconds: 30 },
];

export type ScheduleRow = { name: string; queue: string; data: unknown; everySeconds: number; maxAttempts: number; backoffSeconds: number };

export function scheduleRow(s: Schedule): ScheduleRow {
  return { name: s.name, queue: s.queue, data: s.data, everySeconds: s.everySeconds, ...queuePolicy(s.queue) };
}

/**
 * Creates or updates a schedule. A new one is due at once (so a fresh install runs its maintenance on
 * first start); a changed interval never pushes an existing due time further out.
 */
export async function upsertSchedule(sql: SqlExecutor, s: ScheduleRow): Promise<void> {
  await sql.query(
    `INSERT INTO "job_schedules" ("name", "queue", "data", "every_seconds", "next_run_at")
     VALUES ($1, $2, $3::jsonb, $4, now())
     ON CONFLICT ("name") DO UPDATE
        SET "queue" = EXCLUDED."queue", "data" = EXCLUDED."data", "every_seconds" = EXCLUDED."every_seconds",
            "next_run_at" = LEAST("job_schedules"."next_run_at", now() + EXCLUDED."every_seconds" * interval '1 second')`,
    [s.name, s.queue, JSON.stringify(s.data ?? {}), s.everySeconds],
  );
}

/**
 * Enqueues the schedule's job if it is due, moving its due time forward in the same statement: of two
 * workers checking at once, one wins the row lock and the other then sees it not due. Returns the
 * enqueued job id, or null (not due, or its previous job is still waiting: singleton key).
 */
export async function enqueueIfDue(sql: SqlExecutor, s: ScheduleRow): Promise<string | null> {
  const rows = await sql.query<{ id: string }>(
    `WITH due AS (
       UPDATE "job_schedules"
          SET "next_run_at" = now() + "every_seconds" * interval '1 second', "last_enqueued_at" = now()
        WHERE "name" = $1 AND "next_run_at" <= now()
        RETURNING "queue", "data"
     )
     INSERT INTO "jobs" ("queue", "data", "singleton_key", "max_attempts", "backoff_seconds")
     SELECT due."queue", due."data", $2, $3, $4 FROM due
     ON CONFLICT ("queue", "singleton_key") WHERE "state" = 'queued' DO NOTHING
     RETURNING "id"`,
    [s.name, `schedule:${s.name}`, s.maxAttempts, s.backoffSeconds],
  );
  return rows[0]?.id ?? null;
}
