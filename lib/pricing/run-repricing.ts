import { noteEventsChanged } from "@/lib/rollups/note-events-changed";
import type { Database } from "@/lib/db/open-database";
import { allocateCommitments } from "./allocate-commitments";
import { costEvent } from "./cost-event";
import { loadPricing } from "./load-pricing";
import { usdDecimalString, money, ZERO, type Money } from "./money";

export type RepricingProgress = (done: number, total: number) => Promise<void>;
export type RepricingOutcome = { runId: number; status: "succeeded" | "already_done"; scanned: number; touched: number };

const CHUNK = 5_000;

type RunRow = {
  id: number;
  workspace_id: number;
  status: string;
  window_from: Date;
  window_to: Date;
  events_total: number | null;
  events_scanned: number;
  cursor_ts: Date | null;
  cursor_event_id: string | null;
};

type EventRow = {
  event_id: string;
  ts: Date;
  provider: string;
  model: string;
  workload_class: string | null;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  cache_write_1h_tokens: number;
  reasoning_tokens: number;
  list_cost_usd: string;
  effective_cost_usd: string;
  priced: boolean;
};

/**
 * Re-costs the run's window with the prices and contract in force now, in chunks of 5,000 events
 * walked in (ts, event_id) order. Each chunk is one transaction: lock the chunk's rows, cost them with
 * the same pure function ingestion uses, update only rows whose cost changed (one set-based UPDATE
 * from unnest), and advance the run's cursor and totals. A crash resumes at the cursor; a run that
 * finished is not repeated; running the same change again finds nothing to change (touched = 0).
 */
export async function runRepricing(db: Database, runId: number, progress: RepricingProgress = async () => {}): Promise<RepricingOutcome> {
  const [run] = await db.sql.query<RunRow>(
    `UPDATE repricing_runs SET status = 'running', started_at = COALESCE(started_at, now()), error = NULL
     WHERE id = $1 AND status <> 'succeeded' RETURNING id, workspace_id, status, window_from, window_to, events_total, events_scanned, cursor_ts, cursor_event_id`,
    [runId],
  );
  if (!run) return { runId, status: "already_done", scanned: 0, touched: 0 };
  try {
    return await execute(db, run, progress);
  } catch (err) {
    // A stopped worker (abort) hands the run back to the queue; anything else is a visible failure
    // until a retry picks it up again from the cursor.
    const aborted = err instanceof Error && err.name === "AbortError";
    await db.sql.query(`UPDATE repricing_runs SET status = $2, error = $3 WHERE id = $1`, [
      runId,
      aborted ? "queued" : "failed",
      aborted ? null : err instanceof Error ? err.message : String(err),
    ]);
    throw err;
  }
}

async function execute(db: Database, run: RunRow, progress: RepricingProgress): Promise<RepricingOutcome> {
  const ws = run.workspace_id;
  await allocateCommitments(db, ws, run.window_from, run.window_to);
  let total = run.events_total;
  if (total === null) {
    const [c] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM usage_events WHERE workspace_id = $1 AND ts >= $2 AND ts < $3`,
      [ws, run.window_from, run.window_to],
    );
    total = c?.n ?? 0;
    await db.sql.query(`UPDATE repricing_runs SET events_total = $2 WHERE id = $1`, [run.id, total]);
  }
  let cursor = run.cursor_ts ? { ts: run.cursor_ts, id: run.cursor_event_id ?? "" } : null;
  let scanned = run.events_scanned;
  let touchedHere = 0;
  await progress(scanned, total);
  for (;;) {
    // Pricing is read before the transaction (on PGlite the transaction holds the only connection).
    const { catalog, terms } = await loadPricing(db, ws);
    const chunk = await db.sql.transaction(async (tx) => {
      const rows = await tx.query<EventRow>(
        `SELECT event_id, ts, provider, model, workload_class, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
                cache_write_1h_tokens, reasoning_tokens, list_cost_usd::text AS list_cost_usd, effective_cost_usd::text AS effective_cost_usd, priced
         FROM usage_events
         WHERE workspace_id = $1 AND ts >= $2 AND ts < $3 AND ($4::timestamptz IS NULL OR (ts, event_id) > ($4::timestamptz, $5::text))
         ORDER BY ts, event_id LIMIT ${CHUNK} FOR UPDATE`,
        [ws, run.window_from, run.window_to, cursor?.ts ?? null, cursor?.id ?? null],
      );
      let oldList: Money = ZERO,
        newList: Money = ZERO,
        oldEff: Money = ZERO,
        newEff: Money = ZERO;
      const changed = { ids: [] as string[], ts: [] as Date[], list: [] as string[], eff: [] as string[], priced: [] as boolean[] };
      for (const e of rows) {
        const c = costEvent(catalog.index, terms, {
          provider: e.provider,
          model: e.model,
          timestamp: e.ts,
          workloadClass: e.workload_class,
          usage: {
            inputTokens: e.input_tokens,
            outputTokens: e.output_tokens,
            cacheReadTokens: e.cache_read_tokens,
            cacheWriteTokens: e.cache_write_tokens,
            cacheWrite1hTokens: e.cache_write_1h_tokens,
            reasoningTokens: e.reasoning_tokens,
          },
        });
        const list = usdDecimalString(c.listCost);
        const eff = usdDecimalString(c.effectiveCost);
        oldList = oldList.plus(e.list_cost_usd);
        oldEff = oldEff.plus(e.effective_cost_usd);
        newList = newList.plus(list);
        newEff = newEff.plus(eff);
        if (!money(e.list_cost_usd).eq(list) || !money(e.effective_cost_usd).eq(eff) || e.priced !== c.priced) {
          changed.ids.push(e.event_id);
          changed.ts.push(e.ts);
          changed.list.push(list);
          changed.eff.push(eff);
          changed.priced.push(c.priced);
        }
      }
      if (changed.ids.length) {
        await tx.query(
          `UPDATE usage_events u SET list_cost_usd = v.l, effective_cost_usd = v.e, priced = v.p
           FROM unnest($2::text[], $3::timestamptz[], $4::numeric[], $5::numeric[], $6::bool[]) AS v(id, ts, l, e, p)
           WHERE u.workspace_id = $1 AND u.event_id = v.id AND u.ts = v.ts`,
          [ws, changed.ids, changed.ts, changed.list, changed.eff, changed.priced],
        );
        // Same transaction as the cost rewrite: the rollups of exactly these hours are recomputed.
        await noteEventsChanged(tx, ws, { timestamps: changed.ts });
      }
      const last = rows[rows.length - 1];
      await tx.query(
        `UPDATE repricing_runs SET events_scanned = events_scanned + $2, events_touched = events_touched + $3,
           old_list_total_usd = old_list_total_usd + $4, new_list_total_usd = new_list_total_usd + $5,
           old_effective_total_usd = old_effective_total_usd + $6, new_effective_total_usd = new_effective_total_usd + $7,
           cursor_ts = COALESCE($8, cursor_ts), cursor_event_id = COALESCE($9, cursor_event_id)
         WHERE id = $1`,
        [
          run.id,
          rows.length,
          changed.ids.length,
          oldList.toFixed(),
          newList.toFixed(),
          oldEff.toFixed(),
          newEff.toFixed(),
          last?.ts ?? null,
          last?.event_id ?? null,
        ],
      );
      return { count: rows.length, touched: changed.ids.length, last };
    });
    scanned += chunk.count;
    touchedHere += chunk.touched;
    await progress(scanned, Math.max(total, scanned));
    if (chunk.count < CHUNK || !chunk.last) break;
    cursor = { ts: chunk.last.ts, id: chunk.last.event_id };
  }
  await db.sql.query(`UPDATE repricing_runs SET status = 'succeeded', finished_at = now() WHERE id = $1`, [run.id]);
  return { runId: run.id, status: "succeeded", scanned, touched: touchedHere };
}
