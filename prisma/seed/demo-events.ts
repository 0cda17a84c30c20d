import { WORKLOAD_CLASSES, type UsageEventInput } from "@/lib/ingest/event-schema";
import { loadAzureTrace, type AzureTrace, type TraceWorkload } from "./azure-trace";
import { FEATURES, MODELS, STORIES, TENANTS, type DemoFeature, type ModelChoice, type WorkloadClass } from "./catalog-of-demo";
import { arrivalTimes, classIntensity, DAY, growth, stepOf, stepStart, type IntensityModel } from "./demo-arrivals";
import { gatewayReportedCost, simulateCall, type CallUsage } from "./demo-calls";
import { throttleWindows, type BurstWindows } from "./demo-bursts";
import { createRng, type Rng } from "./prng";

/**
 * One usage event in the ingestion contract's JSON shape (camelCase), as a client would send it: the
 * contract's input type with the parts the demo always fills made precise (usage in the contract's own
 * shape, a numeric reported cost, flat string metadata).
 */
export type DemoEvent = Omit<UsageEventInput, "usage" | "usageFormat" | "costUsd" | "metadata"> & {
  usage: CallUsage;
  costUsd?: number;
  metadata?: Record<string, string>;
};

export type GenerateDemoOptions = {
  now: Date;
  days?: number;
  seed: number | string;
  /** Events wanted in total; default ≈ 4,000 per day. The result is within a few percent of it. */
  targetEvents?: number;
  /** Parsed trace; defaults to the copy shipped in prisma/seed/data. */
  trace?: AzureTrace;
};

export const DEFAULT_EVENTS_PER_DAY = 4_000;
/** Retries and fallbacks add events to tasks; measured on the default mix, used to size the task count. */
const EVENTS_PER_TASK = 1.03;
/** The spike stream's intensity, relative to the mean intensity of the normal traffic. */
const SPIKE_SHARE = 0.1;

const ZIPF = TENANTS.map((_, i) => 1 / Math.pow(i + 1, 1.1));

/**
 * Deterministic demo traffic: the same options give the same events, byte for byte, on every machine.
 * Events come sorted by timestamp with ids `demo-<seed>-<n>`; every task's attempts share a taskId.
 */
export function generateDemoEvents(opts: GenerateDemoOptions): DemoEvent[] {
  const days = opts.days ?? 30;
  if (!(days > 0)) throw new Error("days must be positive");
  const end = opts.now.getTime();
  const start = end - days * DAY;
  const target = opts.targetEvents ?? Math.round(days * DEFAULT_EVENTS_PER_DAY);
  const trace = opts.trace ?? loadAzureTrace();
  const root = createRng(opts.seed);

  const intensity = intensityModel(start, end);
  const spikeFrom = end - STORIES.spikeDays * DAY;
  const regressionFrom = end - STORIES.regressionDays * DAY;
  const bursts = throttleWindows(root.fork("bursts"), start, end);
  const times = arrivalTimes(root.fork("arrivals"), trace, intensity, Math.max(1, Math.round(target / EVENTS_PER_TASK)));

  const rng = root.fork("tasks");
  const drafts: { ms: number; order: number; event: Omit<DemoEvent, "id" | "timestamp"> }[] = [];
  const ctx: TaskContext = { rng, trace, end, regressionFrom, bursts, drafts };
  for (let k = 0; k < times.length; k++) {
    const at = times[k] as number;
    const step = stepOf(intensity, at);
    const rates = intensity.classRates(step);
    const spike = at >= spikeFrom && rng.chance(intensity.spikeRate(step) / (totalRate(rates) + intensity.spikeRate(step)));
    runTask(ctx, `demo-${opts.seed}-task-${k + 1}`, at, spike ? spikeTask() : normalTask(rng, rates));
  }

  drafts.sort((a, b) => a.ms - b.ms || a.order - b.order);
  return drafts.map((d, i) => ({ id: `demo-${opts.seed}-${i + 1}`, timestamp: new Date(d.ms).toISOString(), ...d.event }));
}

function intensityModel(start: number, end: number): IntensityModel {
  const classShare = Object.fromEntries(
    WORKLOAD_CLASSES.map((c) => [c, FEATURES.filter((f) => f.workloadClass === c).reduce((s, f) => s + f.weight, 0)]),
  ) as Record<WorkloadClass, number>;
  const classRates = (step: number) => {
    const mid = stepStart({ start }, step);
    const g = growth(mid, start, end);
    return Object.fromEntries(WORKLOAD_CLASSES.map((c) => [c, classShare[c] * classIntensity(c, mid) * g])) as Record<
      WorkloadClass,
      number
    >;
  };
  // The spike is an extra stream (a runaway agent loop), not a re-labelling of other tenants' traffic.
  const spikeFrom = end - STORIES.spikeDays * DAY;
  return { start, end, classRates, spikeRate: (step) => (stepStart({ start }, step) >= spikeFrom ? SPIKE_SHARE : 0) };
}

function totalRate(rates: Record<WorkloadClass, number>): number {
  return WORKLOAD_CLASSES.reduce((s, c) => s + rates[c], 0);
}

type TaskPlan = { feature: DemoFeature; tenant?: string; region: string; choice: ModelChoice; biasLarge: boolean };

function normalTask(rng: Rng, rates: Record<WorkloadClass, number>): TaskPlan {
  // Which class is busy depends on the hour (batch at night, people by day), then the feature within it.
  const cls = rng.weighted(
    WORKLOAD_CLASSES,
    WORKLOAD_CLASSES.map((c) => rates[c]),
  );
  const candidates = FEATURES.filter((f) => f.workloadClass === cls);
  const feature = rng.weighted(
    candidates,
    candidates.map((f) => f.weight),
  );
  const choice = rng.weighted(
    feature.models,
    feature.models.map((m) => m.weight),
  );
  if (feature.name === "eval-runs") return { feature, region: "us-east", choice, biasLarge: false }; // internal: no tenant
  const tenant = rng.weighted(TENANTS, ZIPF);
  return { feature, tenant: tenant.name, region: tenant.region, choice, biasLarge: false };
}

function spikeTask(): TaskPlan {
  const feature = FEATURES.find((f) => f.name === STORIES.spikeFeature);
  const tenant = TENANTS.find((t) => t.name === STORIES.spikeTenant);
  if (!feature || !tenant) throw new Error("STORIES names a feature or tenant missing from the catalog");
  return { feature, tenant: tenant.name, region: tenant.region, choice: { key: STORIES.spikeModel, weight: 1 }, biasLarge: true };
}

type TaskContext = {
  rng: Rng;
  trace: AzureTrace;
  end: number;
  regressionFrom: number;
  bursts: BurstWindows;
  drafts: { ms: number; order: number; event: Omit<DemoEvent, "id" | "timestamp"> }[];
};

/**
 * One user-visible task: attempt 1 on the feature's model, retries with exponential backoff on retryable
 * failures, then one fallback call on another provider. It stops at the first ok (so at most one per task),
 * at a non-retryable outcome, or when the next attempt would start after `now`.
 */
function runTask(ctx: TaskContext, taskId: string, at: number, plan: TaskPlan): void {
  const { rng } = ctx;
  const tokens = sampleTokens(rng, ctx.trace[plan.feature.trace], plan.biasLarge);
  const route = rng.pick(plan.feature.routes);
  let choice = plan.choice;
  let fallbackFrom: string | undefined;
  let ms = at;
  for (let attempt = 1; ms < ctx.end; attempt++) {
    const model = MODELS[choice.key];
    const outcome = simulateCall(rng, model, plan.feature, tokens, {
      throttleP: ctx.bursts.throttleP(model.provider, ms),
      overloadP: ctx.bursts.overloadP(model.provider, ms),
      regressed: choice.key === STORIES.regressionModel && ms >= ctx.regressionFrom,
    });
    const name = choice.as ?? model.model;
    const costUsd = choice.reportsCost ? gatewayReportedCost(model, outcome.usage) : undefined;
    ctx.drafts.push({
      ms,
      order: ctx.drafts.length,
      event: {
        provider: model.provider,
        model: name,
        region: plan.region,
        ...(plan.tenant === undefined ? {} : { tenant: plan.tenant }),
        feature: plan.feature.name,
        route,
        workloadClass: plan.feature.workloadClass,
        taskId,
        attempt,
        ...(fallbackFrom === undefined ? {} : { fallbackFrom }),
        status: outcome.status,
        ...(outcome.errorType === undefined ? {} : { errorType: outcome.errorType }),
        ...(outcome.httpStatus === undefined ? {} : { httpStatus: outcome.httpStatus }),
        usage: outcome.usage,
        latencyMs: outcome.latencyMs,
        ...(outcome.ttftMs === undefined ? {} : { ttftMs: outcome.ttftMs }),
        queueMs: outcome.queueMs,
        ...(costUsd === undefined ? {} : { costUsd }),
        ...metadataFor(plan, choice),
      },
    });

    if (outcome.status === "ok" || fallbackFrom !== undefined) return; // the fallback gets one call
    const retryable =
      outcome.status === "throttled" ||
      outcome.status === "timeout" ||
      outcome.errorType === "server_error" ||
      outcome.errorType === "overloaded";
    const mustSwitch = outcome.errorType === "context_length_exceeded";
    if (!retryable && !mustSwitch) return;
    const fallback = plan.feature.fallbacks[model.provider];
    if (retryable && attempt < plan.feature.maxAttempts) {
      // Exponential backoff with jitter; batch workers wait longer and honour Retry-After on 429s.
      const base = (outcome.status === "throttled" ? 1_000 : 500) * (plan.feature.workloadClass === "interactive" ? 1 : 4);
      ms += outcome.latencyMs + Math.max(1, Math.round(base * 2 ** (attempt - 1) * rng.uniform(0.5, 1.5)));
    } else if (fallback) {
      fallbackFrom = `${model.provider}/${name}`;
      choice = fallback;
      ms += outcome.latencyMs + rng.int(5, 60);
    } else {
      return;
    }
  }
}

// A (context, generated) pair from the trace; the spike's agent loop drags long prompts (larger of two draws).
function sampleTokens(rng: Rng, w: TraceWorkload, biasLarge: boolean): { context: number; generated: number } {
  let i = Math.floor(rng.next() * w.context.length);
  if (biasLarge) {
    const j = Math.floor(rng.next() * w.context.length);
    if ((w.context[j] as number) > (w.context[i] as number)) i = j;
  }
  return { context: w.context[i] as number, generated: w.generated[i] as number };
}

function metadataFor(plan: TaskPlan, choice: ModelChoice): { metadata?: DemoEvent["metadata"] } {
  if (choice.reportsCost) return { metadata: { gateway: "litellm", promptVersion: plan.feature.promptVersion } };
  if (plan.feature.workloadClass === "interactive") return { metadata: { promptVersion: plan.feature.promptVersion } };
  return {};
}
