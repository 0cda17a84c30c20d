/**
 * Mergeable latency sketches: DDSketch's logarithmic index mapping (the LogarithmicMapping of
 * @datadog/sketches-js), with the bins kept as two parallel arrays per rollup row (keys int2[] ascending,
 * cumulative counts int8[]). A value v ≥ 1 ms falls in bin k = ⌈ln v / ln γ⌉, γ = (1+α)/(1−α), and bin
 * k stands for 2γ^k/(1+γ): within α of every value in it. Bins of two sketches merge by adding counts
 * per key, so rollup rows merge exactly (counts are integers) and any quantile of any merge is within α.
 *
 * The same key function runs in SQL (refresh and raw edges, `sketchKeySql`) and here; a test pins them
 * together and to the library's mapping. Changing α changes every stored key: it needs a migration that
 * clears the rollups, then `npm run rollups:rebuild`.
 */

/** α: 0.5 % leaves room under the 1 % promise (DESIGN-NOTES: 0.005–0.01). */
export const SKETCH_RELATIVE_ACCURACY = 0.005;
export const SKETCH_GAMMA = 1 + (2 * SKETCH_RELATIVE_ACCURACY) / (1 - SKETCH_RELATIVE_ACCURACY);
const LN_GAMMA = Math.log1p((2 * SKETCH_RELATIVE_ACCURACY) / (1 - SKETCH_RELATIVE_ACCURACY));

/** Latencies are whole milliseconds ≥ 0: 0 gets its own bin (value 0), the rest keys ≥ 0. */
export const ZERO_KEY = -1;
/** Key of the largest latency ingestion accepts (24 h), so keys fit int2 with room. */
export const MAX_KEY = Math.ceil(Math.log(86_400_000) / LN_GAMMA);

export function sketchKey(ms: number): number {
  if (!(ms >= 1)) return ZERO_KEY;
  return Math.ceil(Math.log(ms) / LN_GAMMA);
}

export function sketchValue(key: number): number {
  if (key === ZERO_KEY) return 0;
  return (Math.pow(SKETCH_GAMMA, key) * 2) / (1 + SKETCH_GAMMA);
}

/**
 * The key of an integer column in SQL; NULL stays NULL (no TTFT → not in the TTFT sketch). The divisor is
 * written with 17 significant digits so Postgres parses the same float8 as JavaScript holds.
 */
export function sketchKeySql(column: string): string {
  return `(CASE WHEN ${column} >= 1 THEN ceil(ln(${column}::float8) / ${LN_GAMMA.toPrecision(17)}::float8)::int2 WHEN ${column} = 0 THEN ${ZERO_KEY}::int2 END)`;
}

/**
 * Accumulates bins of several sketches (in any order, keys may repeat) and answers quantiles with the
 * rank rule of Postgres' percentile_disc: the value at position max(1, ⌈q·n⌉) of the sorted input. So a
 * quantile here is within α of `percentile_disc(q)` over the same events. One instance is reused for
 * every group of a result: `reset()` between groups costs only the touched key range.
 */
export class SketchMerger {
  private readonly counts = new Float64Array(MAX_KEY + 2 - ZERO_KEY);
  private lo = Infinity;
  private hi = -Infinity;
  private n = 0;

  /** Adds the bins of one stored sketch: keys and their cumulative counts. */
  add(keys: ArrayLike<number>, cumulative: ArrayLike<number>): void {
    const len = Math.min(keys.length, cumulative.length);
    let prev = 0;
    for (let i = 0; i < len; i++) {
      const k = Math.min(Math.max(keys[i] as number, ZERO_KEY), MAX_KEY + 1);
      const slot = k - ZERO_KEY;
      const cum = cumulative[i] as number;
      const c = cum - prev;
      prev = cum;
      this.counts[slot] = (this.counts[slot] as number) + c;
      this.n += c;
      if (slot < this.lo) this.lo = slot;
      if (slot > this.hi) this.hi = slot;
    }
  }

  get count(): number {
    return this.n;
  }

  /** Quantiles for several q at once (ascending or not); null for an empty sketch. */
  quantiles(qs: readonly number[]): (number | null)[] {
    if (this.n === 0) return qs.map(() => null);
    const ranks = qs.map((q) => Math.max(1, Math.ceil(q * this.n)));
    const out: (number | null)[] = qs.map(() => null);
    let cum = 0;
    let pending = qs.length;
    for (let slot = this.lo; slot <= this.hi && pending > 0; slot++) {
      const c = this.counts[slot] as number;
      if (c === 0) continue;
      cum += c;
      for (let j = 0; j < ranks.length; j++) {
        if (out[j] === null && cum >= (ranks[j] as number)) {
          out[j] = sketchValue(slot + ZERO_KEY);
          pending--;
        }
      }
    }
    return out;
  }

  reset(): void {
    if (this.n > 0) this.counts.fill(0, this.lo, this.hi + 1);
    this.lo = Infinity;
    this.hi = -Infinity;
    this.n = 0;
  }
}
