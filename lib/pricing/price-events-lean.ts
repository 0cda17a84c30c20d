import type { Database } from "@/lib/db/open-database";
import { costEventLean, type LeanCost } from "./cost-event-lean";
import type { EventCostInput } from "./cost-event";
import { loadPricing } from "./load-pricing";

/**
 * priceEvents for callers that store costs and do not show how they were made up (ingestion): the
 * same prices in force, the same contract decisions and the same decimal strings, without building a
 * breakdown per event. Items are read, not copied, so validated events can be passed as they are.
 *
 * Like priceEvents it issues its own queries: on PGlite call it before opening a transaction.
 * Throws InconsistentUsageError (cost-usage.ts) when usage is inconsistent: validate events first.
 */
export async function priceEventsLean(db: Database, workspaceId: number, items: readonly EventCostInput[]): Promise<LeanCost[]> {
  if (items.length === 0) return [];
  const { catalog, terms } = await loadPricing(db, workspaceId);
  const out = new Array<LeanCost>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = costEventLean(catalog.index, terms, items[i]!);
  return out;
}
