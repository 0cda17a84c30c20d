/**
 * A stored decimal shortened for a table cell: long fractions are cut (0.42857142857142855 → 0.4286,
 * 1234.56789 → 1234.57); integers and short decimals stay exactly as stored. Display only: thresholds and
 * comparisons always use the exact strings.
 */
export function shortDecimal(value: string): string {
  const m = /^-?\d+\.(\d+)$/.exec(value.trim());
  if (!m || m[1]!.length <= 4) return value;
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  return Math.abs(n) >= 1 ? n.toFixed(2) : String(Number(n.toPrecision(4)));
}
