import { tokensCost, ZERO, type Money } from "./money";
import type { PriceSet, RatePlan, TokenClass } from "./price-schemas";
import type { NormalizedUsage } from "./usage";

export type CostLine = {
  tokenClass: TokenClass;
  tokens: number;
  /** USD per million tokens applied; null when the plan has no price for this class (costed at 0). */
  perMtok: string | null;
  /** Exact product, not rounded (so the lines always add up to the total before rounding). */
  cost: string;
};

export type UsageCost = {
  /** Threshold of the context tier applied (input tokens above it), or null for base prices. */
  tierAboveInputTokens: number | null;
  lines: CostLine[];
  total: Money;
};

export class InconsistentUsageError extends Error {
  override name = "InconsistentUsageError";
}

/**
 * Splits normalised usage into disjoint token classes for a rate plan, then prices each class.
 * A class is only split out when the plan prices it apart; otherwise its tokens stay in the parent
 * (cache read/write → input, 1h cache write → cache write, reasoning → output). That is exactly how
 * providers bill: OpenAI has no cache-write price, so written tokens are plain input; Anthropic prices
 * 5-minute and 1-hour writes apart. Nothing is ever counted twice because every class is carved out
 * of its parent before the parent is priced.
 */
export function costUsage(usage: NormalizedUsage, plan: RatePlan): UsageCost {
  checkUsage(usage);
  const base = plan.prices;
  const has = (c: TokenClass) => base[c] !== undefined;
  const splitCacheWrite = has("cacheWrite");
  const split1h = splitCacheWrite && has("cacheWrite1h");

  const cacheRead = has("cacheRead") ? usage.cacheReadTokens : 0;
  const cacheWrite = splitCacheWrite ? usage.cacheWriteTokens : 0;
  const cacheWrite1h = split1h ? usage.cacheWrite1hTokens : 0;
  const reasoning = has("reasoning") ? usage.reasoningTokens : 0;

  const counts: [TokenClass, number, boolean][] = [
    ["input", usage.inputTokens - cacheRead - cacheWrite, true],
    ["cacheRead", cacheRead, has("cacheRead")],
    ["cacheWrite", cacheWrite - cacheWrite1h, splitCacheWrite],
    ["cacheWrite1h", cacheWrite1h, split1h],
    ["output", usage.outputTokens - reasoning, true],
    ["reasoning", reasoning, has("reasoning")],
  ];

  const tier = pickTier(plan, usage.inputTokens);
  const prices: PriceSet = tier ? { ...base, ...tier.prices } : base;
  let total: Money = ZERO;
  const lines: CostLine[] = [];
  for (const [tokenClass, tokens, priced] of counts) {
    if (!priced) continue;
    const perMtok = prices[tokenClass] ?? null;
    const cost = perMtok === null ? ZERO : tokensCost(tokens, perMtok);
    total = total.plus(cost);
    lines.push({ tokenClass, tokens, perMtok, cost: cost.toFixed() });
  }
  return { tierAboveInputTokens: tier?.aboveInputTokens ?? null, lines, total };
}

function pickTier(plan: RatePlan, inputTokens: number) {
  let chosen: RatePlan["tiers"][number] | undefined;
  for (const t of plan.tiers) if (inputTokens > t.aboveInputTokens && (!chosen || t.aboveInputTokens > chosen.aboveInputTokens)) chosen = t;
  return chosen;
}

function checkUsage(u: NormalizedUsage) {
  if (u.cacheReadTokens + u.cacheWriteTokens > u.inputTokens) {
    throw new InconsistentUsageError(
      `cache read (${u.cacheReadTokens}) + cache write (${u.cacheWriteTokens}) tokens exceed input tokens (${u.inputTokens}); inputTokens must include cached tokens`,
    );
  }
  if (u.cacheWrite1hTokens > u.cacheWriteTokens) {
    throw new InconsistentUsageError(
      `1-hour cache write tokens (${u.cacheWrite1hTokens}) exceed cache write tokens (${u.cacheWriteTokens})`,
    );
  }
  if (u.reasoningTokens > u.outputTokens) {
    throw new InconsistentUsageError(
      `reasoning tokens (${u.reasoningTokens}) exceed output tokens (${u.outputTokens}); outputTokens must include reasoning`,
    );
  }
}
