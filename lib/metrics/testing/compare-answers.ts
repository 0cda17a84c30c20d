import type { Measure } from "../measures";
import type { MetricsQuery } from "../query-schema";
import { isPercentile, rowKey, type ExactRow } from "./exact-from-raw";

type Row = Record<string, string | number | null | undefined>;

export type Comparison = {
  /** Values compared (measures of rows that have events). */
  compared: number;
  /** Additive and ratio values that differ from the exact answer, with where. */
  mismatches: string[];
  /** Largest relative error of a percentile against percentile_disc. */
  maxPercentileError: number;
  /** Rows of the exact answer the engine did not return. */
  missing: string[];
};

const EMPTY = new Set<unknown>([0, "0.0000000000", null]);

/**
 * Compares an engine answer with the exact one (exactFromRaw): counts, token sums and money must be
 * identical, ratios equal to 1e-12 relative, percentiles within the returned max error; a row without
 * events must show 0 for additive measures and null otherwise.
 */
export function compareAnswers(
  q: MetricsQuery,
  rows: readonly Row[],
  exact: Map<string, ExactRow>,
  opts: { ignoreMissing?: boolean } = {},
): Comparison {
  const out: Comparison = { compared: 0, mismatches: [], maxPercentileError: 0, missing: [] };
  const seen = new Set<string>();
  for (const row of rows) {
    const key = rowKey((row.bucket as string | undefined) ?? null, q.dimensions, row);
    seen.add(key);
    const e = exact.get(key);
    for (const m of q.measures as Measure[]) {
      const got = row[m] ?? null;
      if (!e) {
        if (!EMPTY.has(got)) out.mismatches.push(`${key} ${m}: ${String(got)} where no events`);
        continue;
      }
      out.compared++;
      const want = e[m] ?? null;
      if (isPercentile(m)) {
        if (want === null || got === null) {
          if (want !== got) out.mismatches.push(`${key} ${m}: ${String(got)} ≠ ${String(want)}`);
        } else {
          out.maxPercentileError = Math.max(out.maxPercentileError, Math.abs(Number(got) - Number(want)) / Math.abs(Number(want) || 1));
        }
      } else if (typeof want === "number" && !Number.isInteger(want)) {
        if (typeof got !== "number" || Math.abs(got - want) > 1e-12 * Math.max(1, Math.abs(want)))
          out.mismatches.push(`${key} ${m}: ${String(got)} ≠ ${want}`);
      } else if (String(got) !== String(want)) {
        out.mismatches.push(`${key} ${m}: ${String(got)} ≠ ${String(want)}`);
      }
    }
  }
  if (!opts.ignoreMissing) for (const key of exact.keys()) if (!seen.has(key)) out.missing.push(key);
  return out;
}
