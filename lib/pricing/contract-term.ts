import { canonicalProvider } from "./canonical-names";
import type { ResolvedModel } from "./catalog-index";
import type { PriceVariant, RatePlan } from "./price-schemas";

export const CONTRACT_KINDS = ["discount", "custom_price", "commitment"] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** A workspace contract term as the costing function sees it (loaded from contract_terms). */
export type ContractTerm = {
  id: number;
  kind: ContractKind;
  name: string;
  /** Scope: null = every provider / model. Matched against the event's names and the catalog ids they resolve to. */
  provider: string | null;
  model: string | null;
  variant: PriceVariant | null;
  discountPercent: string | null;
  plan: RatePlan | null;
  monthlyAmountUsd: string | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  /** commitment: USD per token by UTC month ("2026-11") from the last allocation run. */
  usdPerTokenByMonth: ReadonlyMap<string, string>;
};

export type TermContext = { provider: string; model: string; resolved: ResolvedModel | null; ts: Date; variant: PriceVariant };

/**
 * Whether a term covers an event. Events are stored under canonical vendor and model-family names
 * (canonical-names.ts), so a term scoped by an alias is read as its canonical name: a term written for
 * `vertex_ai` keeps covering the Vertex events now stored as `google`, and one for
 * `anthropic/claude-3-5-haiku` the events stored as `claude-3-5-haiku` under `anthropic`.
 */
export function termApplies(term: ContractTerm, ctx: TermContext): boolean {
  const t = ctx.ts.getTime();
  if (t < term.effectiveFrom.getTime() || (term.effectiveTo && t >= term.effectiveTo.getTime())) return false;
  if (term.variant && term.variant !== ctx.variant) return false;
  const provider = canonicalProvider(ctx.provider);
  if (term.provider !== null) {
    const want = canonicalProvider(term.provider);
    const names = [provider, ctx.resolved?.providerId, ctx.resolved?.model.providerId];
    if (!names.includes(want)) return false;
  }
  if (term.model !== null) {
    const want = term.model.toLowerCase();
    const names = [ctx.model.toLowerCase(), ctx.resolved?.model.modelId.toLowerCase()];
    if (!names.includes(want) && !names.includes(withoutOwnPrefix(want, provider))) return false;
  }
  return true;
}

/** `anthropic/claude-3-5-haiku` → `claude-3-5-haiku` when the prefix is the event's vendor. */
function withoutOwnPrefix(model: string, provider: string): string {
  const slash = model.indexOf("/");
  return slash > 0 && canonicalProvider(model.slice(0, slash)) === provider ? model.slice(slash + 1) : model;
}

/** The most specific applicable term of a kind: model scope beats provider scope beats workspace-wide; then the latest start. */
export function bestTerm(terms: readonly ContractTerm[], kind: ContractKind, ctx: TermContext): ContractTerm | null {
  let best: ContractTerm | null = null;
  let bestScore = -1;
  for (const term of terms) {
    if (term.kind !== kind || !termApplies(term, ctx)) continue;
    const score = (term.model ? 2 : 0) + (term.provider ? 1 : 0);
    if (score > bestScore || (score === bestScore && best && term.effectiveFrom > best.effectiveFrom)) {
      best = term;
      bestScore = score;
    }
  }
  return best;
}

export function utcMonthKey(ts: Date): string {
  return ts.toISOString().slice(0, 7);
}
