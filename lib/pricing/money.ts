import Decimal from "decimal.js";

/**
 * The decimal type every pricing computation uses. A private clone so no other module's global
 * Decimal settings can change how money rounds here. 40 significant digits is far above what
 * numeric(20,10) can hold, so intermediate products are exact.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = InstanceType<typeof Money>;

/** Stored money has 10 decimal places (numeric(20,10)); every event cost is rounded once, here. */
export const MONEY_SCALE = 10;

export const ZERO = new Money(0);
const MILLION = new Money(1_000_000);

export function money(value: string | number | Money): Money {
  return new Money(value);
}

/** tokens × USD-per-million-tokens, exact. */
export function tokensCost(tokens: number, perMtok: string | Money): Money {
  if (tokens === 0) return ZERO;
  return new Money(perMtok).times(tokens).div(MILLION);
}

/** Money as the API and database carry it: rounded to the stored scale (10 places), no exponent, no trailing zeros ("0.0045", "0"). Not a display format (see lib/format). */
export function usdDecimalString(value: Money): string {
  return value.toDecimalPlaces(MONEY_SCALE).toFixed();
}

/**
 * A price as catalogs give it (JS number such as 0.135) → its shortest decimal string at the stored
 * scale. Rounding to 10 places drops float artefacts (0.18000000000000002 → 0.18) and makes the price
 * identical to what numeric(20,10) keeps (1/12 → 0.0833333333), so a price costs the same from memory
 * and from the database.
 */
export function priceFromNumber(n: number): string {
  if (!Number.isFinite(n) || n < 0) throw new Error(`invalid price ${n}`);
  return new Money(String(n)).toDecimalPlaces(MONEY_SCALE).toFixed();
}
