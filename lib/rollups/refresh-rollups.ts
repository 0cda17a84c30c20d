import type { Sql } from "@/lib/db/sql";
import { CUBE_NAMES, cubeHasGrain, retainedFrom } from "./cubes";
import type { Grain } from "./grains";
import { refreshStep, type MarkedGrain } from "./refresh-step";
import { pruneRowsSql } from "./rollup-sql";

export type RefreshOptions = {
  /**
   * Day/week/month buckets wait this long after their first mark, so a stream of ingest batches
   * rebuilds the current day a few times a minute instead of after every batch. Queries stay exact
   * meanwhile (they read finer rows for dirty buckets). 0 for rebuilds and tests.
   */
  coarseDelayMs?: number | Partial<Record<"day" | "week" | "month", number>>;
  /** Buckets per transaction; defaults suit each database (PGlite: one connection, short steps). */
  maxBuckets?: Partial<Record<MarkedGrain, number>>;
  /** Stop after this long even if work remains (the caller re-enqueues); default: run to the end. */
  budgetMs?: number;
  signal?: AbortSignal;
  onStep?: (grain: MarkedGrain, buckets: number) => void | Promise<void>;
  now?: () => number;
};

export type RefreshResult = {
  buckets: Record<MarkedGrain, number>;
  /** True when the budget ran out with due work left. */
  exhausted: boolean;
};

const ORDER: readonly MarkedGrain[] = ["hour", "day", "week", "month"];
const STEPS_PER_PASS = 100;

export function defaultMaxBuckets(kind: Sql["kind"]): Record<MarkedGrain, number> {
  // PGlite: every step holds the app's only connection, so steps stay around a second at demo volumes.
  return kind === "pglite" ? { hour: 2, day: 1, week: 1, month: 1 } : { hour: 24, day: 7, week: 2, month: 1 };
}

/**
 * Brings one workspace's rollups up to date with its dirty marks: hour buckets from raw events, then
 * days from hours, then weeks and months from days — each grain drained before the next, so a rebuild
 * merges every month once, not once per batch of hours. Every step is its own short transaction under
 * the workspace's advisory lock; new hour marks arriving meanwhile are taken on the next pass.
 */
export async function refreshRollups(sql: Sql, workspaceId: number, opts: RefreshOptions = {}): Promise<RefreshResult> {
  const now = opts.now ?? Date.now;
  const started = now();
  const max = { ...defaultMaxBuckets(sql.kind), ...opts.maxBuckets };
  const buckets: Record<MarkedGrain, number> = { hour: 0, day: 0, week: 0, month: 0 };
  for (;;) {
    let progressed = false;
    for (const grain of ORDER) {
      // Bounded per pass: a steady stream of new hours must not starve the coarser grains.
      for (let step = 0; step < STEPS_PER_PASS; step++) {
        opts.signal?.throwIfAborted();
        const n = await refreshStep(sql, workspaceId, grain, {
          maxBuckets: max[grain],
          minAgeMs: grain === "hour" ? 0 : typeof opts.coarseDelayMs === "number" ? opts.coarseDelayMs : (opts.coarseDelayMs?.[grain] ?? 0),
          now: now(),
        });
        if (n === 0) break;
        progressed = true;
        buckets[grain] += n;
        await opts.onStep?.(grain, n);
        // PGlite runs each statement synchronously on this thread and its promises settle as microtasks:
        // without a macrotask turn between steps, a catch-up would starve HTTP requests and signals.
        if (sql.kind === "pglite") await yieldToEventLoop();
        if (opts.budgetMs !== undefined && now() - started > opts.budgetMs) return { buckets, exhausted: true };
      }
    }
    if (!progressed) return { buckets, exhausted: false };
  }
}

/** Workspaces with buckets waiting to be recomputed. */
export async function dirtyWorkspaceIds(sql: Sql): Promise<number[]> {
  const rows = await sql.query<{ workspace_id: number }>(`SELECT DISTINCT workspace_id FROM "rollup_dirty" ORDER BY 1`);
  return rows.map((r) => r.workspace_id);
}

/** Refreshes every workspace with dirty marks to the end (start-up, tests); returns the buckets recomputed. */
export async function refreshDirtyWorkspaces(sql: Sql): Promise<number> {
  let total = 0;
  for (const workspaceId of await dirtyWorkspaceIds(sql)) {
    const { buckets } = await refreshRollups(sql, workspaceId);
    total += buckets.hour + buckets.day + buckets.week + buckets.month;
  }
  return total;
}

/** Lets pending I/O callbacks (requests, timers, signals) run before the next step. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Deletes rows past their grain's retention (minute rows, hour rows of the widest cubes). */
export async function pruneExpiredRollups(sql: Sql, workspaceId: number, now = Date.now()): Promise<void> {
  // One day of slack past the retention: the planner stops using rows an hour inside the edge.
  const slack = 24 * 3_600_000;
  for (const cube of CUBE_NAMES) {
    for (const grain of ["minute", "hour"] as const satisfies readonly Grain[]) {
      if (!cubeHasGrain(cube, grain)) continue;
      const edge = retainedFrom(cube, grain, now);
      if (Number.isFinite(edge)) await sql.query(pruneRowsSql(cube, grain), [workspaceId, new Date(edge - slack).toISOString()]);
    }
  }
}
