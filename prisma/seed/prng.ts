/**
 * A small seeded PRNG (sfc32, seeded through a string hash) and the distributions the demo generator needs.
 * Math.random is never used: the same seed must give the same demo on every machine and every run, so
 * tests, screenshots and benchmarks see identical data.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  normal(): number;
  /** exp(N(mu, sigma)): the shape of latencies and most sizes. */
  lognormal(mu: number, sigma: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by non-negative weights (at least one must be positive). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** An independent stream derived from this seed and a label (stable when other streams change). */
  fork(label: string): Rng;
};

// xmur3: turns any string into well-mixed 32-bit seeds for sfc32.
function hashSeed(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

export function createRng(seed: string | number): Rng {
  const seedText = String(seed);
  const s = hashSeed(seedText);
  let a = s();
  let b = s();
  let c = s();
  let d = s();
  const next = (): number => {
    // sfc32: fast, passes PractRand for far more draws than a demo needs.
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // discard the first outputs, weakly mixed for similar seeds

  let spareNormal: number | null = null;
  const normal = (): number => {
    if (spareNormal !== null) {
      const v = spareNormal;
      spareNormal = null;
      return v;
    }
    // Box–Muller; 1 - next() keeps log() away from 0.
    const u = 1 - next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };

  const rng: Rng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal,
    lognormal: (mu, sigma) => Math.exp(mu + sigma * normal()),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(items: readonly T[], weights: readonly number[]): T {
      let total = 0;
      for (let i = 0; i < items.length; i++) total += Math.max(0, weights[i] ?? 0);
      if (!(total > 0)) throw new Error("weighted pick needs a positive weight");
      let r = next() * total;
      let lastPositive = 0;
      for (let i = 0; i < items.length; i++) {
        const w = Math.max(0, weights[i] ?? 0);
        if (w > 0) lastPositive = i;
        r -= w;
        if (r < 0 && w > 0) return items[i] as T;
      }
      return items[lastPositive] as T; // rounding left r at ~0
    },
    fork: (label) => createRng(`${seedText}/${label}`),
  };
  return rng;
}
