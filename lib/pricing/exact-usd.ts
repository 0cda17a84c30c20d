import { MONEY_SCALE } from "./money";
import type { PriceSet, RatePlan, TokenClass } from "./price-schemas";
import type { NormalizedUsage } from "./usage";

/**
 * costUsage's arithmetic in scaled integers, for the ingest hot path. Prices have at most 10 decimal
 * places (priceSetSchema, numeric(20,10)), so a price is an integer number of 1e-10 USD per million
 * tokens, and tokens × that is an exact integer number of 1e-16 USD ("units"). Summing units and
 * rounding half-up to 1e-10 USD gives, digit for digit, what costUsage + usdDecimalString give with decimal.js
 * (whose 40 significant digits keep those products exact) — without a Decimal per token class.
 *
 * While a product fits in 2^53 the arithmetic is plain integer-valued doubles (exact); above, BigInt.
 */

/** The classes in costUsage's order. */
const CLASSES: readonly TokenClass[] = ["input", "cacheRead", "cacheWrite", "cacheWrite1h", "output", "reasoning"];
const PRICE = /^(\d+)(?:\.(\d{1,10}))?$/;
const UNITS_PER_ROUNDED = 1_000_000; // 1e-16 → 1e-10 USD
const SAFE = Number.MAX_SAFE_INTEGER - UNITS_PER_ROUNDED;

/** Prices of the six classes in 1e-10 USD per Mtok; 0 for a class without a price (costed at 0). */
type ScaledPrices = { n: number[]; big: bigint[]; max: number };

export type CompiledPlan = {
  /** Which classes the base prices price apart (costUsage carves them out of their parent). */
  cacheRead: boolean;
  cacheWrite: boolean;
  cacheWrite1h: boolean;
  reasoning: boolean;
  base: ScaledPrices;
  /** Context tiers, each with the base prices overlaid as costUsage overlays them. */
  tiers: { above: number; prices: ScaledPrices }[];
};

function scaled(prices: PriceSet): ScaledPrices | null {
  const big: bigint[] = [];
  for (const c of CLASSES) {
    const v = prices[c];
    if (v === undefined || v === null) {
      big.push(0n);
      continue;
    }
    const m = PRICE.exec(v);
    if (!m) return null; // not canonical: the caller falls back to the decimal path
    big.push(BigInt(m[1]!) * 10n ** 10n + BigInt((m[2] ?? "").padEnd(10, "0")));
  }
  const n = big.map(Number);
  return { n, big, max: Math.max(...n) };
}

const compiled = new WeakMap<RatePlan, CompiledPlan | null>();

/** The plan in scaled integers (memoised per plan object), or null when a price is not a canonical decimal. */
export function compilePlan(plan: RatePlan): CompiledPlan | null {
  const hit = compiled.get(plan);
  if (hit !== undefined) return hit;
  const base = scaled(plan.prices);
  const has = (c: TokenClass) => plan.prices[c] !== undefined;
  let out: CompiledPlan | null = null;
  if (base) {
    const tiers: CompiledPlan["tiers"] = [];
    for (const t of plan.tiers) {
      const prices = scaled({ ...plan.prices, ...t.prices });
      if (!prices) break;
      tiers.push({ above: t.aboveInputTokens, prices });
    }
    if (tiers.length === plan.tiers.length) {
      const cacheWrite = has("cacheWrite");
      out = {
        cacheRead: has("cacheRead"),
        cacheWrite,
        cacheWrite1h: cacheWrite && has("cacheWrite1h"),
        reasoning: has("reasoning"),
        base,
        tiers,
      };
    }
  }
  compiled.set(plan, out);
  return out;
}

/** True when costUsage would refuse the usage (InconsistentUsageError). */
export function usageInconsistent(u: NormalizedUsage): boolean {
  return (
    u.cacheReadTokens + u.cacheWriteTokens > u.inputTokens ||
    u.cacheWrite1hTokens > u.cacheWriteTokens ||
    u.reasoningTokens > u.outputTokens
  );
}

/**
 * The exact cost of `u` under the plan in 1e-16 USD: a number while exact, else a bigint. The usage
 * must be consistent (see usageInconsistent).
 */
export function costUnits(u: NormalizedUsage, plan: CompiledPlan): number | bigint {
  const cacheRead = plan.cacheRead ? u.cacheReadTokens : 0;
  const cacheWrite = plan.cacheWrite ? u.cacheWriteTokens : 0;
  const cacheWrite1h = plan.cacheWrite1h ? u.cacheWrite1hTokens : 0;
  const reasoning = plan.reasoning ? u.reasoningTokens : 0;
  const input = u.inputTokens - cacheRead - cacheWrite;
  const write5m = cacheWrite - cacheWrite1h;
  const output = u.outputTokens - reasoning;
  // pickTier: the highest threshold below the input tokens.
  let p = plan.base;
  let above = -1;
  for (const t of plan.tiers) if (u.inputTokens > t.above && t.above > above) [p, above] = [t.prices, t.above];
  // Every class count is ≤ inputTokens + outputTokens, so this bounds every product and the sum.
  if ((u.inputTokens + u.outputTokens) * p.max <= SAFE) {
    const n = p.n;
    return input * n[0]! + cacheRead * n[1]! + write5m * n[2]! + cacheWrite1h * n[3]! + output * n[4]! + reasoning * n[5]!;
  }
  const b = p.big;
  return (
    BigInt(input) * b[0]! +
    BigInt(cacheRead) * b[1]! +
    BigInt(write5m) * b[2]! +
    BigInt(cacheWrite1h) * b[3]! +
    BigInt(output) * b[4]! +
    BigInt(reasoning) * b[5]!
  );
}

const FRACTION_ZEROS = "0".repeat(MONEY_SCALE);
const SCALE = 10 ** MONEY_SCALE;

/** Units (1e-16 USD, non-negative) → usdDecimalString's string: rounded half-up to 10 places, no trailing zeros. */
export function formatUnits(units: number | bigint): string {
  if (typeof units === "bigint") return formatBigUnits(units);
  const rest = units % UNITS_PER_ROUNDED;
  const q = (units - rest) / UNITS_PER_ROUNDED + (rest >= UNITS_PER_ROUNDED / 2 ? 1 : 0); // 1e-10 USD
  let frac = q % SCALE;
  const whole = (q - frac) / SCALE;
  if (frac === 0) return String(whole);
  let digits = MONEY_SCALE;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  return `${whole}.${String(frac).padStart(digits, "0")}`;
}

function formatBigUnits(units: bigint): string {
  const rest = units % 1_000_000n;
  const q = units / 1_000_000n + (rest >= 500_000n ? 1n : 0n);
  const whole = String(q / 10_000_000_000n);
  let frac = String(q % 10_000_000_000n);
  if (frac === "0") return whole;
  frac = (FRACTION_ZEROS + frac).slice(-MONEY_SCALE);
  let end = frac.length;
  while (frac.charCodeAt(end - 1) === 48) end--;
  return `${whole}.${frac.slice(0, end)}`;
}

/** Units as an exact decimal string (16 places), for the rare paths that continue in decimal.js. */
export function unitsToDecimal(units: number | bigint): string {
  const s = (FRACTION_ZEROS + FRACTION_ZEROS + BigInt(units).toString()).replace(/^0+(?=\d{17})/, "");
  return `${s.slice(0, -16)}.${s.slice(-16)}`;
}
