import type { Database } from "@/lib/db/open-database";
import { costEvent, type CostBreakdown } from "./cost-event";
import { usdDecimalString } from "./money";
import { loadPricing } from "./load-pricing";
import type { NormalizedUsage } from "./usage";

export type PricingInput = {
  provider: string;
  model: string;
  timestamp: Date;
  usage: NormalizedUsage;
  workloadClass?: string | null;
  region?: string | null;
  reportedCostUsd?: string | null;
};

/** Decimal strings (at most 10 decimal places, the stored scale). */
export type PricedCost = {
  priced: boolean;
  listCostUsd: string;
  effectiveCostUsd: string;
  /** The provider-reported cost passed through unchanged (third FOCUS cost), null when none was sent. */
  reportedCostUsd: string | null;
  /** Catalog price row that gave the list cost (null: unknown model or contract-only price). */
  priceRowId: number | null;
  breakdown: CostBreakdown;
};

/**
 * Costs a batch of events for one workspace: the catalog and the workspace's contract are read once
 * (cached in process, reloaded when a price or contract changes anywhere), then each event is costed
 * by the pure function. Unknown models come back priced:false with zero costs, never a guess.
 *
 * It issues its own queries: on PGlite (one connection) call it before opening a transaction, not inside one.
 * Throws InconsistentUsageError (cost-usage.ts) when usage is inconsistent (cached tokens above input tokens,
 * reasoning above output): validate events first.
 */
export async function priceEvents(db: Database, workspaceId: number, items: PricingInput[]): Promise<PricedCost[]> {
  if (items.length === 0) return [];
  const { catalog, terms } = await loadPricing(db, workspaceId);
  const out = new Array<PricedCost>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const cost = costEvent(catalog.index, terms, item);
    out[i] = {
      priced: cost.priced,
      listCostUsd: usdDecimalString(cost.listCost),
      effectiveCostUsd: usdDecimalString(cost.effectiveCost),
      reportedCostUsd: item.reportedCostUsd ?? null,
      priceRowId: cost.breakdown.priceRowId,
      breakdown: cost.breakdown,
    };
  }
  return out;
}
