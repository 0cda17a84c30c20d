import { STORIES } from "./catalog-of-demo";
import type { Rng } from "./prng";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Window = { from: number; to: number; p: number };
type BurstSpec = { perDay: number; minutes: [number, number]; p: [number, number] };

/** Rate limits and overloads as they really come: rare in general, then a burst for half an hour. */
export type BurstWindows = {
  throttleP(provider: string, ms: number): number;
  overloadP(provider: string, ms: number): number;
  /** The windows themselves, for tests and for explaining the demo. */
  windows: { throttle: Record<string, Window[]>; overload: Record<string, Window[]> };
};

const BASE_THROTTLE: Record<string, number> = { openai: 0.004, anthropic: 0.002, google: 0.002 };

// The throttle-prone provider (STORIES.throttleProvider) gets 429 bursts most days; the others rarely.
const THROTTLE_BURSTS: Record<string, BurstSpec> = {
  [STORIES.throttleProvider]: { perDay: 2.5, minutes: [10, 45], p: [0.25, 0.6] },
  google: { perDay: 0.25, minutes: [10, 20], p: [0.15, 0.3] },
};
const OVERLOAD_BURSTS: Record<string, BurstSpec> = {
  anthropic: { perDay: 0.35, minutes: [15, 40], p: [0.15, 0.35] },
};

export function throttleWindows(rng: Rng, start: number, end: number): BurstWindows {
  const throttle = windowsFor(rng.fork("throttle"), THROTTLE_BURSTS, start, end);
  const overload = windowsFor(rng.fork("overload"), OVERLOAD_BURSTS, start, end);
  return {
    throttleP: (provider, ms) => Math.max(BASE_THROTTLE[provider] ?? 0, burstP(throttle[provider], ms)),
    overloadP: (provider, ms) => burstP(overload[provider], ms),
    windows: { throttle, overload },
  };
}

// Poisson arrivals of bursts (exponential gaps) per provider, each with its own length and intensity.
function windowsFor(rng: Rng, specs: Record<string, BurstSpec>, start: number, end: number): Record<string, Window[]> {
  const out: Record<string, Window[]> = {};
  for (const [provider, spec] of Object.entries(specs)) {
    const list: Window[] = [];
    let t = start;
    for (;;) {
      t += (-Math.log(1 - rng.next()) / spec.perDay) * DAY;
      if (t >= end) break;
      const to = Math.min(end, t + rng.uniform(spec.minutes[0], spec.minutes[1]) * MINUTE);
      list.push({ from: Math.floor(t), to: Math.floor(to), p: rng.uniform(spec.p[0], spec.p[1]) });
    }
    out[provider] = list;
  }
  return out;
}

function burstP(list: Window[] | undefined, ms: number): number {
  if (!list) return 0;
  for (const w of list) if (ms >= w.from && ms < w.to) return w.p;
  return 0;
}
