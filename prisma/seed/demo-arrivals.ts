import { WORKLOAD_CLASSES } from "@/lib/ingest/event-schema";
import type { AzureTrace } from "./azure-trace";
import type { WorkloadClass } from "./catalog-of-demo";
import type { Rng } from "./prng";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Resolution of the intensity curve; arrivals inside a step keep the trace's fine-grained burstiness. */
const STEP = 5 * 60_000;

/**
 * Relative request intensity of each workload class at a UTC instant:
 * - interactive follows people: a peak around 15:00 UTC (US morning overlapping EU afternoon), quiet weekends;
 * - batch jobs are scheduled into a nightly window around 02:00 UTC;
 * - opportunistic work fills spare capacity, a little more on weekends.
 */
export function classIntensity(cls: WorkloadClass, ms: number): number {
  const d = new Date(ms);
  const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
  switch (cls) {
    case "interactive":
      return (0.25 + 1.1 * circularBump(hour, 15, 4.5)) * (weekend ? 0.45 : 1);
    case "batch":
      return (0.45 + 1.8 * circularBump(hour, 2, 2.5)) * (weekend ? 0.9 : 1);
    case "opportunistic":
      return (0.8 + 0.3 * circularBump(hour, 22, 5)) * (weekend ? 1.3 : 1);
  }
}

// A Gaussian bump on the 24-hour circle (so 23:00 and 01:00 are two hours apart).
function circularBump(hour: number, peak: number, width: number): number {
  const d = Math.min(Math.abs(hour - peak), 24 - Math.abs(hour - peak));
  return Math.exp(-(d * d) / (2 * width * width));
}

/** Month-long growth: traffic ramps from 80% to 120% of its mean across the window. */
export function growth(ms: number, start: number, end: number): number {
  return 0.8 + 0.4 * ((ms - start) / (end - start));
}

export type IntensityModel = {
  start: number;
  end: number;
  /** λ of the normal traffic per class (already including growth) for a step index. */
  classRates: (step: number) => Record<WorkloadClass, number>;
  /** Extra λ of the spike story (its own stream) for a step index. */
  spikeRate: (step: number) => number;
};

/**
 * Arrival instants of `count` tasks over [start, end), by time rescaling: gaps resampled from the Azure trace
 * (normalised to a unit mean, so their burstiness survives) are laid on the cumulative intensity Λ(t) and
 * mapped back to wall time. The count is exact and the window is filled end to end, whatever the seed.
 */
export function arrivalTimes(rng: Rng, trace: AzureTrace, model: IntensityModel, count: number): number[] {
  const steps = Math.max(1, Math.ceil((model.end - model.start) / STEP));
  const cumulative = new Float64Array(steps + 1);
  for (let i = 0; i < steps; i++) {
    const rates = model.classRates(i);
    let total = model.spikeRate(i);
    for (const cls of WORKLOAD_CLASSES) total += rates[cls];
    cumulative[i + 1] = (cumulative[i] as number) + total * stepLength(model, i);
  }
  const totalMass = cumulative[steps] as number;

  const pool = [trace.code.unitGaps, trace.conv.unitGaps];
  const unitPositions = new Float64Array(count + 1);
  let s = 0;
  for (let k = 0; k <= count; k++) {
    const gaps = rng.pick(pool);
    s += gaps[Math.floor(rng.next() * gaps.length)] as number;
    unitPositions[k] = s;
  }
  // Scale by the (count+1)-th position so the last arrival lands before `end`, not on it.
  const scale = totalMass / s;

  const times: number[] = new Array(count);
  let step = 0;
  for (let k = 0; k < count; k++) {
    const mass = (unitPositions[k] as number) * scale;
    while (step < steps - 1 && (cumulative[step + 1] as number) <= mass) step++;
    const lo = cumulative[step] as number;
    const hi = cumulative[step + 1] as number;
    const frac = hi > lo ? (mass - lo) / (hi - lo) : 0;
    const t = model.start + step * STEP + frac * stepLength(model, step);
    times[k] = Math.min(model.end - 1, Math.floor(t));
  }
  return times;
}

function stepLength(model: IntensityModel, step: number): number {
  return Math.min(STEP, model.end - (model.start + step * STEP));
}

export function stepOf(model: Pick<IntensityModel, "start">, ms: number): number {
  return Math.floor((ms - model.start) / STEP);
}

export function stepStart(model: Pick<IntensityModel, "start">, step: number): number {
  return model.start + step * STEP;
}

export { DAY, HOUR, STEP };
