import Decimal from "decimal.js";
import { z } from "zod";

/**
 * The one gate every decimal from outside (an event's costUsd, prices and contract amounts) passes
 * before a decimal library sees it. Why: decimal.js takes any exponent, and writing out the value of
 * "1e-300000000" builds a 300-million-character string; one 220-byte ingest request blocked the event
 * loop for seconds and then killed the server with a heap out-of-memory (issue 10).
 *
 * So the text is checked first, cheaply: at most MAX_DECIMAL_TEXT_LENGTH characters, the shape
 * `digits[.digits][e±digits]` (no sign: every money input is non-negative; no spaces), at most MAX_DECIMAL_DIGITS
 * digits and an exponent within ±MAX_DECIMAL_EXPONENT. Within those bounds a value written out without
 * exponent is at most ~80 characters, far beyond the 10 decimal places money is stored with and the
 * 40 significant digits pricing computes with. Only then is the value parsed and held to the caller's
 * range (and decimal places, where the caller stores them exactly).
 */
export const MAX_DECIMAL_TEXT_LENGTH = 64;
export const MAX_DECIMAL_DIGITS = 40;
export const MAX_DECIMAL_EXPONENT = 40;

const SHAPE = /^(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/;

export type DecimalLimits = {
  /** The largest value accepted (the smallest is 0). */
  max: number | string;
  /** Decimal places allowed once written without exponent; unset: any (the value is rounded where stored). */
  maxDecimalPlaces?: number;
  /** Named in messages, e.g. "US dollars". */
  unit?: string;
};

export type DecimalInput = { ok: true; value: string } | { ok: false; message: string };

/** A decimal string or JSON number → its plain decimal string ("0.0000001", "1500"), or why not. Never throws. */
export function parseDecimalInput(v: string | number, limits: DecimalLimits): DecimalInput {
  const unit = limits.unit;
  const notDecimal = { ok: false, message: `must be a non-negative decimal number${unit ? ` of ${unit}` : ""}` } as const;
  let d: Decimal;
  if (typeof v === "number") {
    // A double is bounded by nature (at most ~330 digits written out): only its range matters.
    if (!Number.isFinite(v)) return notDecimal;
    d = new Decimal(v);
  } else {
    if (typeof v !== "string") return notDecimal;
    if (v.length > MAX_DECIMAL_TEXT_LENGTH)
      return { ok: false, message: `must be a decimal number of at most ${MAX_DECIMAL_TEXT_LENGTH} characters` };
    const m = SHAPE.exec(v);
    if (m === null) return notDecimal;
    if (m[1]!.length + (m[2]?.length ?? 0) > MAX_DECIMAL_DIGITS)
      return { ok: false, message: `must have at most ${MAX_DECIMAL_DIGITS} digits` };
    if (m[3] !== undefined && Math.abs(Number(m[3])) > MAX_DECIMAL_EXPONENT) {
      return { ok: false, message: `must have an exponent between -${MAX_DECIMAL_EXPONENT} and ${MAX_DECIMAL_EXPONENT}` };
    }
    d = new Decimal(v);
  }
  if (d.isNegative() || d.greaterThan(limits.max))
    return { ok: false, message: `must be between 0 and ${limits.max}${unit ? ` ${unit}` : ""}` };
  if (limits.maxDecimalPlaces !== undefined && d.decimalPlaces() > limits.maxDecimalPlaces) {
    return { ok: false, message: `must have at most ${limits.maxDecimalPlaces} decimal places` };
  }
  return { ok: true, value: d.toFixed() };
}

/**
 * parseDecimalInput as a zod schema for forms and APIs: a string (trimmed) or a number in, the plain
 * decimal string out; a refusal is an issue on the field.
 */
export function decimalInputSchema(limits: DecimalLimits) {
  return z.union([z.string().trim(), z.number()]).transform((v, ctx) => {
    const r = parseDecimalInput(v, limits);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  });
}
