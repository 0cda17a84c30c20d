import { z } from "zod";
import type { Database } from "@/lib/db/client";
import type { SqlExecutor } from "@/lib/db/sql";
import type { Tx } from "@/lib/db/transaction";
import { defineJob, type JobDefinition, type RetryPolicy } from "./define-job";
import { enqueueJobWith, type JobTarget } from "./enqueue-job";
import type { JobContext } from "./job-types";
import { processPeriodOnce } from "./period-ledger";
import { assertTimeZone, latestOccurrence, type WallClockRule } from "./wall-clock";

/**
 * Per-workspace periods: fixed UTC intervals ("every 60 s": key = the interval's start), or local
 * wall-clock times in EACH workspace's own time zone ("09:00 daily": key = local "2026-03-29T09:00").
 */
export type PeriodRule = { everySeconds: number } | { wallClock: WallClockRule };

export type WorkspaceClock = { id: number; timeZone: string };

export type Period = { key: string; dueAt: Date };

/** The period due at `now` for a workspace: the latest one that has started. */
export function duePeriod(rule: PeriodRule, timeZone: string, now: Date): Period {
  if ("everySeconds" in rule) {
    const ms = rule.everySeconds * 1000;
    const start = new Date(Math.floor(now.getTime() / ms) * ms);
    return { key: start.toISOString(), dueAt: start };
  }
  const o = latestOccurrence(rule.wallClock, timeZone, now);
  return { key: o.key, dueAt: o.at };
}

const periodJobSchema = z.object({
  workspaceId: z.number().int().positive(),
  period: z.string().min(1).max(64),
  dueAt: z.iso.datetime(),
  timeZone: z.string().min(1),
});

type PeriodJobSchema = typeof periodJobSchema;
export type PeriodJobData = z.infer<PeriodJobSchema>;

/** Every workspace with its time zone (an unknown zone name falls back to UTC and is reported). */
async function allWorkspaces(sql: SqlExecutor): Promise<WorkspaceClock[]> {
  return sql.query<WorkspaceClock>(`SELECT "id", "timezone" AS "timeZone" FROM "workspaces" ORDER BY "id"`);
}

/**
 * Declares periodic per-workspace work processed once per (workspace, job, period), returned as two
 * job definitions to list in the domain's jobs:
 * - `${queue}.fan-out` runs every `tickSeconds` (default 60): for each workspace it computes the period
 *   due now in that workspace's time zone and, unless the ledger has it, enqueues one `${queue}` job
 *   (singleton key workspace + period, so ticks never pile up duplicates);
 * - `${queue}` runs `handler` inside processPeriodOnce: the ledger row and the handler's writes commit
 *   together, so a period is processed once even across crashes, retries and worker restarts.
 *
 * Only the latest due period is processed: after an outage, missed older periods are skipped (a daily
 * budget check runs once, late, not once per missed day). A workspace created after a period started
 * still gets that period. The handler gets the Tx: write its state and its outbox rows through it.
 */
export function defineFanOutJob(def: {
  queue: string;
  period: PeriodRule;
  handler: (tx: Tx, data: PeriodJobData, ctx: JobContext) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  tickSeconds?: number;
  /** Which workspaces take part (default: all, with their time zone). */
  workspaces?: (sql: SqlExecutor) => Promise<WorkspaceClock[]>;
}): [tick: JobDefinition, work: JobDefinition<PeriodJobSchema>] {
  if ("everySeconds" in def.period && (!Number.isInteger(def.period.everySeconds) || def.period.everySeconds < 1)) {
    throw new RangeError(`${def.queue}: period everySeconds must be an integer ≥ 1`);
  }
  const work = defineJob({
    queue: def.queue,
    schema: periodJobSchema,
    retry: def.retry,
    handler: async (db: Database, data, ctx) => {
      await processPeriodOnce(db, { workspaceId: data.workspaceId, job: def.queue, period: data.period }, (tx) =>
        def.handler(tx, data, ctx),
      );
    },
  });
  const tick = defineJob({
    queue: `${def.queue}.fan-out`,
    schema: z.object({}),
    retry: { maxAttempts: 1, backoffSeconds: 0 },
    schedules: [{ name: `${def.queue}.fan-out`, everySeconds: def.tickSeconds ?? 60, data: {} }],
    handler: async (db) => {
      await fanOut(db.sql, def.queue, def.period, work, await (def.workspaces ?? allWorkspaces)(db.sql), new Date());
    },
  });
  return [tick, work];
}

/** Enqueues the due, not yet processed period of each workspace. Returns how many jobs were enqueued. */
export async function fanOut(
  sql: SqlExecutor,
  job: string,
  rule: PeriodRule,
  work: JobTarget<PeriodJobSchema>,
  workspaces: readonly WorkspaceClock[],
  now: Date,
): Promise<number> {
  const due = workspaces.map((w) => {
    let timeZone = w.timeZone;
    try {
      assertTimeZone(timeZone);
    } catch {
      console.error(`[jobs] workspace ${w.id} has an unknown time zone '${timeZone}'; ${job} uses UTC for it`);
      timeZone = "UTC";
    }
    return { workspaceId: w.id, timeZone, ...duePeriod(rule, timeZone, now) };
  });
  if (due.length === 0) return 0;
  const done = await sql.query<{ workspaceId: number }>(
    `SELECT l."workspace_id" AS "workspaceId"
       FROM unnest($2::int[], $3::text[]) AS d(workspace_id, period)
       JOIN "job_period_ledger" AS l ON l."workspace_id" = d.workspace_id AND l."period" = d.period AND l."job" = $1`,
    [job, due.map((d) => d.workspaceId), due.map((d) => d.key)],
  );
  const skip = new Set(done.map((r) => r.workspaceId));
  let enqueued = 0;
  for (const d of due) {
    if (skip.has(d.workspaceId)) continue;
    const data = { workspaceId: d.workspaceId, period: d.key, dueAt: d.dueAt.toISOString(), timeZone: d.timeZone };
    const { created } = await enqueueJobWith(sql, work, data, { singletonKey: `${d.workspaceId}:${d.key}` });
    if (created) enqueued++;
  }
  return enqueued;
}
