import { LogarithmicMapping } from "@datadog/sketches-js/dist/ddsketch/mapping";
import { describe, expect, it } from "vitest";
import { MAX_KEY, SKETCH_GAMMA, SKETCH_RELATIVE_ACCURACY, SketchMerger, ZERO_KEY, sketchKey, sketchValue } from "./sketch";

/** Exact percentile_disc: the value at position max(1, ⌈q·n⌉) of the sorted values. */
function percentileDisc(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
}

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe("sketch key mapping", () => {
  it("is the LogarithmicMapping of @datadog/sketches-js for every latency we store", () => {
    const mapping = new LogarithmicMapping(SKETCH_RELATIVE_ACCURACY);
    expect(SKETCH_GAMMA).toBeCloseTo(mapping.gamma, 12);
    let mismatches = 0;
    for (let v = 1; v <= 200_000; v++) if (sketchKey(v) !== mapping.key(v)) mismatches++;
    for (let v = 200_000; v <= 86_400_000; v += 997) if (sketchKey(v) !== mapping.key(v)) mismatches++;
    expect(mismatches).toBe(0);
    expect(sketchValue(691)).toBeCloseTo(mapping.value(691), 9);
  });

  it("represents every value within the relative accuracy; 0 has its own bin", () => {
    for (let v = 1; v <= 100_000; v += 7) {
      expect(Math.abs(sketchValue(sketchKey(v)) - v) / v).toBeLessThanOrEqual(SKETCH_RELATIVE_ACCURACY + 1e-12);
    }
    expect(sketchKey(0)).toBe(ZERO_KEY);
    expect(sketchValue(ZERO_KEY)).toBe(0);
    expect(sketchKey(86_400_000)).toBeLessThanOrEqual(MAX_KEY);
  });
});

describe("SketchMerger", () => {
  it("answers quantiles within α of percentile_disc, whatever way the bins were split and merged", () => {
    const rnd = lcg(42);
    const values = Array.from({ length: 20_000 }, () =>
      Math.round(Math.exp(6 + 1.2 * Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()))),
    );
    values.push(0, 0, 1);
    const merger = new SketchMerger();
    // Three "rollup rows" with their own bins, merged like the query merges rows.
    for (let part = 0; part < 3; part++) {
      const bins = new Map<number, number>();
      values.filter((_, i) => i % 3 === part).forEach((v) => bins.set(sketchKey(v), (bins.get(sketchKey(v)) ?? 0) + 1));
      const keys = [...bins.keys()].sort((a, b) => a - b);
      let run = 0;
      merger.add(
        keys,
        keys.map((k) => (run += bins.get(k) ?? 0)),
      );
    }
    const sorted = [...values].sort((a, b) => a - b);
    const qs = [0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1];
    const got = merger.quantiles(qs);
    qs.forEach((q, i) => {
      const exact = percentileDisc(sorted, q);
      const est = got[i] as number;
      if (exact === 0) expect(est).toBe(0);
      else expect(Math.abs(est - exact) / exact).toBeLessThanOrEqual(SKETCH_RELATIVE_ACCURACY + 1e-12);
    });
    expect(merger.count).toBe(values.length);
  });

  it("returns null for an empty sketch and forgets everything on reset", () => {
    const merger = new SketchMerger();
    expect(merger.quantiles([0.5, 0.99])).toEqual([null, null]);
    merger.add([sketchKey(90), sketchKey(100)], [1, 5]);
    expect(Math.abs((merger.quantiles([0.5])[0] as number) - 100) / 100).toBeLessThan(0.005);
    expect(Math.abs((merger.quantiles([0])[0] as number) - 90) / 90).toBeLessThan(0.005);
    merger.reset();
    expect(merger.count).toBe(0);
    expect(merger.quantiles([0.5])).toEqual([null]);
    merger.add([sketchKey(2000)], [1]);
    expect(Math.abs((merger.quantiles([0.5])[0] as number) - 2000) / 2000).toBeLessThan(0.005);
  });
});
