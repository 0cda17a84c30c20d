import { z } from "zod";
import type { SqlExecutor } from "@/lib/db/sql";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueJobWith } from "@/lib/jobs/enqueue-job";
import { dirtyWorkspaceIds, pruneExpiredRollups, refreshRollups } from "./refresh-rollups";

/**
 * Coarse buckets are recomputed at most this often while events keep arriving: days every 10 s, weeks
 * and months (merged from up to 31 day rows, the costliest merges) every minute. Queries never wait for
 * them: until then they read the finer rows of those buckets.
 */
export const COARSE_DELAY_MS = { day: 10_000, week: 60_000, month: 60_000 } as const;
/** One run works at most this long, then hands over to a fresh job (other queues get their turn). */
const RUN_BUDGET_MS = 20_000;

export function refreshSingletonKey(workspaceId: number): string {
  return `rollups:${workspaceId}`;
}

/**
 * rollups.refresh: recomputes the workspace's dirty buckets (idempotent: at-least-once delivery and a
 * run racing another worker are both harmless; steps serialise on a per-workspace advisory lock).
 * Coarse buckets not yet due are left to the next run or the sweep. Enqueued by noteEventsChanged.
 */
export const refreshRollupsJob = defineJob({
  queue: "rollups.refresh",
  schema: z.object({ workspaceId: z.number().int().positive() }),
  // Idempotent and cheap to retry; the sweep re-enqueues anything a failed run left behind.
  retry: { maxAttempts: 5, backoffSeconds: 2 },
  handler: async (db, data, ctx) => {
    let done = 0;
    const result = await refreshRollups(db.sql, data.workspaceId, {
      coarseDelayMs: COARSE_DELAY_MS,
      budgetMs: RUN_BUDGET_MS,
      signal: ctx.signal,
      onStep: async (_grain, n) => {
        done += n;
        await ctx.progress(done, done);
      },
    });
    await pruneExpiredRollups(db.sql, data.workspaceId);
    if (result.exhausted) await enqueueRollupRefresh(db.sql, data.workspaceId);
  },
});

/**
 * Enqueues the workspace's refresh: one waiting job per workspace (singleton key), so a burst of ingest
 * batches costs one refresh run. Inside a transaction the job appears at commit; the worker polls
 * every ≤ 1 s, which keeps rollups caught up within seconds of ingestion.
 */
export async function enqueueRollupRefresh(exec: SqlExecutor, workspaceId: number): Promise<void> {
  await enqueueJobWith(exec, refreshRollupsJob, { workspaceId }, { singletonKey: refreshSingletonKey(workspaceId) });
}

/**
 * rollups.sweep (every 30 s): enqueues a refresh for each workspace that still has dirty buckets — coarse
 * buckets that were not due yet, marks written by a migration, or a refresh whose job was lost.
 */
export const sweepRollupsJob = defineJob({
  queue: "rollups.sweep",
  schema: z.object({}),
  retry: { maxAttempts: 1, backoffSeconds: 0 },
  schedules: [{ name: "rollups.sweep", everySeconds: 30, data: {} }],
  handler: async (db) => {
    for (const workspaceId of await dirtyWorkspaceIds(db.sql)) await enqueueRollupRefresh(db.sql, workspaceId);
  },
});

/** The rollups domain's jobs, composed in lib/boot/jobs.ts. Add a rollups job here. */
export const rollupJobs = [refreshRollupsJob, sweepRollupsJob];
