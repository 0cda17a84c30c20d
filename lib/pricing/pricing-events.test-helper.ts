import type { Database } from "@/lib/db/open-database";
import { uid } from "@/prisma/seed/test-db";
import { priceEvents } from "./price-events";
import type { NormalizedUsage } from "./usage";

export type TestEvent = {
  ts: Date;
  provider: string;
  model: string;
  usage: Partial<NormalizedUsage> & { inputTokens: number; outputTokens: number };
  workloadClass?: string;
};

/** Stores events costed the way ingestion costs them (priceEvents at insert time). Returns their ids. */
export async function insertPricedEvents(db: Database, workspaceId: number, events: TestEvent[]): Promise<string[]> {
  const usages = events.map((e) => ({ cacheReadTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0, reasoningTokens: 0, ...e.usage }));
  const costs = await priceEvents(
    db,
    workspaceId,
    events.map((e, i) => ({ provider: e.provider, model: e.model, timestamp: e.ts, usage: usages[i]!, workloadClass: e.workloadClass })),
  );
  const ids = events.map(() => uid("e"));
  await db.sql.query(
    `INSERT INTO usage_events (workspace_id, ts, event_id, provider, model, workload_class, task_id, status, input_tokens, output_tokens,
       cache_read_tokens, cache_write_tokens, cache_write_1h_tokens, reasoning_tokens, latency_ms, list_cost_usd, effective_cost_usd, priced)
     SELECT $1, v.ts, v.id, v.p, v.m, v.wc, v.id, 'ok', v.i, v.o, v.cr, v.cw, v.cw1, v.r, 100, v.l, v.e, v.pr
     FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[], $12::int[],
       $13::numeric[], $14::numeric[], $15::bool[]) AS v(ts, id, p, m, wc, i, o, cr, cw, cw1, r, l, e, pr)`,
    [
      workspaceId,
      events.map((e) => e.ts),
      ids,
      events.map((e) => e.provider),
      events.map((e) => e.model),
      events.map((e) => e.workloadClass ?? null),
      usages.map((u) => u.inputTokens),
      usages.map((u) => u.outputTokens),
      usages.map((u) => u.cacheReadTokens),
      usages.map((u) => u.cacheWriteTokens),
      usages.map((u) => u.cacheWrite1hTokens),
      usages.map((u) => u.reasoningTokens),
      costs.map((c) => c.listCostUsd),
      costs.map((c) => c.effectiveCostUsd),
      costs.map((c) => c.priced),
    ],
  );
  return ids;
}

/** Sum of effective cost of a workspace's events in [from, to) as a decimal string. */
export async function effectiveTotal(db: Database, workspaceId: number, from: Date, to: Date): Promise<string> {
  const [r] = await db.sql.query<{ t: string }>(
    `SELECT COALESCE(sum(effective_cost_usd), 0)::numeric(24,10)::text AS t FROM usage_events WHERE workspace_id = $1 AND ts >= $2 AND ts < $3`,
    [workspaceId, from, to],
  );
  return String(Number(r!.t)) === r!.t ? r!.t : trim(r!.t);
}

function trim(s: string) {
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}
