import type { CatalogIndex } from "./catalog-index";
import { bestTerm, utcMonthKey, type ContractKind, type ContractTerm, type TermContext } from "./contract-term";
import { costUsage, type CostLine } from "./cost-usage";
import { money, ZERO, type Money } from "./money";
import type { PriceVariant } from "./price-schemas";
import { selectPriceRow, variantForWorkload } from "./select-price-row";
import type { NormalizedUsage } from "./usage";

export type EventCostInput = {
  provider: string;
  model: string;
  timestamp: Date;
  usage: NormalizedUsage;
  workloadClass?: string | null;
};

export type CostBreakdown = {
  /** The catalog entry the name resolved to (null: unknown model). */
  resolved: { providerId: string | null; catalogProvider: string; catalogModel: string; via: string } | null;
  priceRowId: number | null;
  requestedVariant: PriceVariant;
  variant: PriceVariant | null;
  tierAboveInputTokens: number | null;
  /** List price per token class (catalog). */
  lines: CostLine[];
  contract: {
    termId: number;
    kind: ContractKind;
    name: string;
    discountPercent?: string;
    usdPerToken?: string | null;
    lines?: CostLine[];
    tierAboveInputTokens?: number | null;
  } | null;
  unpricedReason: "unknown_model" | "no_price_in_force" | null;
};

export type EventCost = { priced: boolean; listCost: Money; effectiveCost: Money; breakdown: CostBreakdown };

/**
 * Costs one event: resolve the model in the catalog, take the price row in force at the event's time,
 * cost the usage per token class (list), then apply the workspace contract (effective):
 * a custom price for the model replaces the rate card; a commitment allocates its monthly amount over
 * the covered tokens; otherwise the most specific discount applies to the list cost. Unknown model and
 * no contract price → priced:false and zero, never a guess.
 */
export function costEvent(catalog: CatalogIndex, terms: readonly ContractTerm[], input: EventCostInput): EventCost {
  const requestedVariant = variantForWorkload(input.workloadClass);
  const resolved = catalog.resolve(input.provider, input.model);
  const row = resolved ? selectPriceRow(resolved.model.rows, input.timestamp, requestedVariant) : null;
  const list = row ? costUsage(input.usage, row) : null;
  const breakdown: CostBreakdown = {
    resolved: resolved && {
      providerId: resolved.providerId,
      catalogProvider: resolved.model.providerId,
      catalogModel: resolved.model.modelId,
      via: resolved.via,
    },
    priceRowId: row?.id ?? null,
    requestedVariant,
    variant: row?.variant ?? null,
    tierAboveInputTokens: list?.tierAboveInputTokens ?? null,
    lines: list?.lines ?? [],
    contract: null,
    unpricedReason: null,
  };
  const ctx: TermContext = { provider: input.provider, model: input.model, resolved, ts: input.timestamp, variant: requestedVariant };

  const custom = terms.length ? bestTerm(terms, "custom_price", ctx) : null;
  if (custom?.plan) {
    const own = costUsage(input.usage, custom.plan);
    breakdown.contract = {
      termId: custom.id,
      kind: custom.kind,
      name: custom.name,
      lines: own.lines,
      tierAboveInputTokens: own.tierAboveInputTokens,
    };
    // Self-hosted / fine-tuned models have no public price: their own price is the only list there is.
    return { priced: true, listCost: list?.total ?? own.total, effectiveCost: own.total, breakdown };
  }
  const commitment = terms.length ? bestTerm(terms, "commitment", ctx) : null;
  if (commitment) {
    const rate = commitment.usdPerTokenByMonth.get(utcMonthKey(input.timestamp)) ?? latestRate(commitment);
    const tokens = input.usage.inputTokens + input.usage.outputTokens;
    breakdown.contract = { termId: commitment.id, kind: commitment.kind, name: commitment.name, usdPerToken: rate };
    return { priced: true, listCost: list?.total ?? ZERO, effectiveCost: rate ? money(rate).times(tokens) : ZERO, breakdown };
  }
  if (!list) {
    breakdown.unpricedReason = resolved ? "no_price_in_force" : "unknown_model";
    return { priced: false, listCost: ZERO, effectiveCost: ZERO, breakdown };
  }
  const discount = terms.length ? bestTerm(terms, "discount", ctx) : null;
  if (discount?.discountPercent) {
    breakdown.contract = { termId: discount.id, kind: discount.kind, name: discount.name, discountPercent: discount.discountPercent };
    const factor = money(100).minus(discount.discountPercent).div(100);
    return { priced: true, listCost: list.total, effectiveCost: list.total.times(factor), breakdown };
  }
  return { priced: true, listCost: list.total, effectiveCost: list.total, breakdown };
}

/** Before a month's first allocation, the latest known month's rate is the best provisional figure. */
function latestRate(term: ContractTerm): string | null {
  let bestKey = "";
  let rate: string | null = null;
  for (const [k, v] of term.usdPerTokenByMonth) if (k > bestKey) [bestKey, rate] = [k, v];
  return rate;
}
