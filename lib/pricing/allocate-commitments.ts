import type { Database } from "@/lib/db/open-database";
import { bestTerm, type ContractTerm } from "./contract-term";
import { loadPricing } from "./load-pricing";
import { money, ZERO } from "./money";
import { variantForWorkload } from "./select-price-row";

export type Allocation = { termId: number; month: string; tokens: number; amountUsd: string; usdPerToken: string };

/**
 * Recomputes the per-token rate of every commitment for each UTC month overlapping [from, to):
 * rate = monthly amount (prorated when the term covers only part of the month) / covered tokens
 * (input + output) of the workspace's events in the covered part of the month. Costing each covered
 * event at tokens × rate then adds up to the amount (to within the 10th decimal per event).
 * A covered event is one whose best applicable term is this commitment (a custom price for the same
 * model wins, as in costEvent). Idempotent: the same events give the same rates.
 */
export async function allocateCommitments(db: Database, workspaceId: number, from: Date, to: Date): Promise<Allocation[]> {
  const { catalog, terms } = await loadPricing(db, workspaceId);
  const commitments = terms.filter((t) => t.kind === "commitment" && t.effectiveFrom < to && (!t.effectiveTo || t.effectiveTo > from));
  const out: Allocation[] = [];
  for (const term of commitments) {
    for (let m = monthStart(from < term.effectiveFrom ? term.effectiveFrom : from); m < to; m = nextMonth(m)) {
      const end = nextMonth(m);
      const coverFrom = term.effectiveFrom > m ? term.effectiveFrom : m;
      const coverTo = term.effectiveTo && term.effectiveTo < end ? term.effectiveTo : end;
      if (coverTo <= coverFrom) continue;
      const groups = await db.sql.query<{ provider: string; model: string; workload_class: string | null; tokens: number }>(
        `SELECT provider, model, workload_class, sum(input_tokens + output_tokens)::bigint AS tokens
         FROM usage_events WHERE workspace_id = $1 AND ts >= $2 AND ts < $3 GROUP BY 1, 2, 3`,
        [workspaceId, coverFrom, coverTo],
      );
      let tokens = 0;
      for (const g of groups) {
        const ctx = {
          provider: g.provider,
          model: g.model,
          resolved: catalog.index.resolve(g.provider, g.model),
          ts: coverFrom,
          variant: variantForWorkload(g.workload_class),
        };
        if (covers(terms, term, ctx)) tokens += Number(g.tokens);
      }
      const share = money(coverTo.getTime() - coverFrom.getTime()).div(end.getTime() - m.getTime());
      const amount = money(term.monthlyAmountUsd ?? 0)
        .times(share)
        .toDecimalPlaces(10);
      const rate = tokens > 0 ? amount.div(tokens).toDecimalPlaces(20) : ZERO;
      const month = m.toISOString().slice(0, 10);
      await db.sql.query(
        `INSERT INTO commitment_allocations (term_id, month, tokens, amount_usd, usd_per_token, computed_at)
         VALUES ($1, $2::date, $3, $4, $5, now())
         ON CONFLICT (term_id, month) DO UPDATE SET tokens = EXCLUDED.tokens, amount_usd = EXCLUDED.amount_usd,
           usd_per_token = EXCLUDED.usd_per_token, computed_at = EXCLUDED.computed_at
         WHERE (commitment_allocations.tokens, commitment_allocations.amount_usd, commitment_allocations.usd_per_token)
           IS DISTINCT FROM (EXCLUDED.tokens, EXCLUDED.amount_usd, EXCLUDED.usd_per_token)`,
        [term.id, month, tokens, amount.toFixed(), rate.toFixed()],
      );
      out.push({ termId: term.id, month: month.slice(0, 7), tokens, amountUsd: amount.toFixed(), usdPerToken: rate.toFixed() });
    }
  }
  return out;
}

function covers(terms: ContractTerm[], term: ContractTerm, ctx: Parameters<typeof bestTerm>[2]): boolean {
  const custom = bestTerm(terms, "custom_price", ctx);
  if (custom?.plan) return false;
  return bestTerm(terms, "commitment", ctx)?.id === term.id;
}

function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

function nextMonth(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}
