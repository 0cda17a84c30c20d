import type { PriceRow, PriceVariant } from "./price-schemas";

/** Seconds since UTC midnight. */
export function utcSecondsOfDay(ts: Date): number {
  return ts.getUTCHours() * 3600 + ts.getUTCMinutes() * 60 + ts.getUTCSeconds();
}

export function rowInForce(row: Pick<PriceRow, "effectiveFrom" | "effectiveTo" | "utcWindow">, ts: Date): boolean {
  const t = ts.getTime();
  if (t < row.effectiveFrom.getTime()) return false;
  if (row.effectiveTo && t >= row.effectiveTo.getTime()) return false;
  const w = row.utcWindow;
  if (!w) return true;
  const s = utcSecondsOfDay(ts);
  return w.end > w.start ? s >= w.start && s < w.end : s >= w.start || s < w.end; // windows may wrap midnight
}

/**
 * The row that prices an event: among the model's rows of the requested variant in force at ts, the
 * highest precedence (then the latest start). A variant without rows (e.g. batch, where the catalog has
 * no batch prices) falls back to standard; the caller reports which variant was applied.
 */
export function selectPriceRow(rows: readonly PriceRow[], ts: Date, variant: PriceVariant): PriceRow | null {
  const pick = (v: PriceVariant) => {
    let best: PriceRow | null = null;
    for (const r of rows) {
      if (r.variant !== v || !rowInForce(r, ts)) continue;
      if (!best || r.precedence > best.precedence || (r.precedence === best.precedence && r.effectiveFrom > best.effectiveFrom)) best = r;
    }
    return best;
  };
  return pick(variant) ?? (variant === "standard" ? null : pick("standard"));
}

/** Workload class of the event contract → the price variant it is billed under. */
export function variantForWorkload(workloadClass: string | null | undefined): PriceVariant {
  if (workloadClass === "batch") return "batch";
  if (workloadClass === "opportunistic") return "flex";
  return "standard";
}
