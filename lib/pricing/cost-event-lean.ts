import type { CatalogIndex } from "./catalog-index";
import { bestTerm, type ContractTerm, type TermContext } from "./contract-term";
import { costEvent, type EventCostInput } from "./cost-event";
import { compilePlan, costUnits, formatUnits, unitsToDecimal, usageInconsistent } from "./exact-usd";
import { usdDecimalString, money, type Money } from "./money";
import type { PricedCost } from "./price-events";
import type { PriceRow, PriceVariant, RatePlan } from "./price-schemas";
import { variantForWorkload } from "./select-price-row";

/** What ingestion stores of a cost: priceEvents' result without the explanation (breakdown). */
export type LeanCost = Pick<PricedCost, "priced" | "listCostUsd" | "effectiveCostUsd" | "priceRowId">;

/** costEvent's input with the instant as epoch ms: no Date is needed unless a contract term is checked. */
export type LeanCostInput = Omit<EventCostInput, "timestamp"> & { timestampMs: number };

const UNPRICED = { priced: false, listCostUsd: "0", effectiveCostUsd: "0" } as const;

/**
 * costEvent + usdDecimalString with the same decisions and digit-for-digit the same results (see
 * cost-event-lean.test.ts), minus what only an explanation needs: no breakdown, no cost lines, no
 * Decimal per token class (exact scaled integers instead, exact-usd.ts). The uncommon cases — a
 * commitment, a price that is not a canonical decimal, inconsistent usage (which throws there) — are
 * handed to costEvent itself.
 */
export function costEventLean(catalog: CatalogIndex, terms: readonly ContractTerm[], input: LeanCostInput): LeanCost {
  const variant = variantForWorkload(input.workloadClass);
  const resolved = catalog.resolve(input.provider, input.model);
  const row = resolved ? selectRowAt(resolved.model.rows, input.timestampMs, variant) : null;
  const priceRowId = row?.id ?? null;
  if (terms.length === 0) {
    if (!row) return { ...UNPRICED, priceRowId };
    const list = exactCost(input, row);
    if (list === null) return viaCostEvent(catalog, terms, input);
    const s = formatUnits(list);
    return { priced: true, listCostUsd: s, effectiveCostUsd: s, priceRowId };
  }
  const ctx: TermContext = { provider: input.provider, model: input.model, resolved, ts: new Date(input.timestampMs), variant };
  const custom = bestTerm(terms, "custom_price", ctx);
  if (custom?.plan) {
    const own = exactCost(input, custom.plan);
    const list = row ? exactCost(input, row) : own;
    if (own === null || list === null) return viaCostEvent(catalog, terms, input);
    return { priced: true, listCostUsd: formatUnits(list), effectiveCostUsd: formatUnits(own), priceRowId };
  }
  if (bestTerm(terms, "commitment", ctx)) return viaCostEvent(catalog, terms, input);
  if (!row) return { ...UNPRICED, priceRowId };
  const list = exactCost(input, row);
  if (list === null) return viaCostEvent(catalog, terms, input);
  const listCostUsd = formatUnits(list);
  const discount = bestTerm(terms, "discount", ctx);
  if (!discount?.discountPercent) return { priced: true, listCostUsd, effectiveCostUsd: listCostUsd, priceRowId };
  // The same decimal.js operations as costEvent, on the same exact list total.
  const effective = money(unitsToDecimal(list)).times(discountFactor(discount.discountPercent));
  return { priced: true, listCostUsd, effectiveCostUsd: usdDecimalString(effective), priceRowId };
}

/** Exact cost in 1e-16 USD, or null when only the decimal path can cost it. */
function exactCost(input: LeanCostInput, plan: RatePlan): number | bigint | null {
  if (usageInconsistent(input.usage)) return null;
  const compiled = compilePlan(plan);
  return compiled ? costUnits(input.usage, compiled) : null;
}

function viaCostEvent(catalog: CatalogIndex, terms: readonly ContractTerm[], input: LeanCostInput): LeanCost {
  const c = costEvent(catalog, terms, { ...input, timestamp: new Date(input.timestampMs) });
  return {
    priced: c.priced,
    listCostUsd: usdDecimalString(c.listCost),
    effectiveCostUsd: usdDecimalString(c.effectiveCost),
    priceRowId: c.breakdown.priceRowId,
  };
}

const factors = new Map<string, Money>();

function discountFactor(percent: string): Money {
  let f = factors.get(percent);
  if (!f) {
    f = money(100).minus(percent).div(100);
    if (factors.size > 1000) factors.clear();
    factors.set(percent, f);
  }
  return f;
}

const DAY_MS = 86_400_000;

/**
 * selectPriceRow (select-price-row.ts) on epoch ms: among the model's rows of the variant in force at
 * `ms`, the highest precedence, then the latest start; a variant without rows falls back to standard.
 * The same rules, kept equal by cost-event-lean.test.ts (dated and time-of-day rows included).
 */
function selectRowAt(rows: readonly PriceRow[], ms: number, variant: PriceVariant): PriceRow | null {
  return pickRowAt(rows, ms, variant) ?? (variant === "standard" ? null : pickRowAt(rows, ms, "standard"));
}

function pickRowAt(rows: readonly PriceRow[], ms: number, variant: PriceVariant): PriceRow | null {
  let best: PriceRow | null = null;
  for (const r of rows) {
    if (r.variant !== variant || !inForceAt(r, ms)) continue;
    if (
      !best ||
      r.precedence > best.precedence ||
      (r.precedence === best.precedence && r.effectiveFrom.getTime() > best.effectiveFrom.getTime())
    ) {
      best = r;
    }
  }
  return best;
}

function inForceAt(row: PriceRow, ms: number): boolean {
  if (ms < row.effectiveFrom.getTime()) return false;
  if (row.effectiveTo && ms >= row.effectiveTo.getTime()) return false;
  const w = row.utcWindow;
  if (!w) return true;
  const s = Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / 1000); // seconds since UTC midnight
  return w.end > w.start ? s >= w.start && s < w.end : s >= w.start || s < w.end; // windows may wrap midnight
}
