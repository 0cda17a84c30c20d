import { calcPrice } from "@pydantic/genai-prices";
import Decimal from "decimal.js";
import type { z } from "zod";
import type { eventStatusSchema } from "@/lib/ingest/event-schema";
import type { contractUsageSchema } from "@/lib/pricing/normalize-usage";
import type { DemoFeature, DemoModel } from "./catalog-of-demo";
import type { Rng } from "./prng";

type ContractUsage = z.input<typeof contractUsageSchema>;
/** The contract's usage object with every part the demo fills always present (the 1-hour cache is not used). */
export type CallUsage = { [K in Exclude<keyof ContractUsage, "cacheWrite1hTokens">]-?: NonNullable<ContractUsage[K]> };
export type DemoStatus = z.infer<typeof eventStatusSchema>;

export type CallOutcome = {
  status: DemoStatus;
  errorType?: string;
  httpStatus?: number;
  usage: CallUsage;
  latencyMs: number;
  ttftMs?: number;
  queueMs: number;
};

/** Conditions of one call that the stories change. */
export type CallConditions = {
  /** Probability that the provider answers 429 now (raised inside a burst). */
  throttleP: number;
  /** Probability of a provider-side overload now (raised inside an overload burst). */
  overloadP: number;
  /** Inside the regression window of this model: a slow tail appears. */
  regressed: boolean;
};

const BASE_SERVER_ERROR: Record<string, number> = { openai: 0.004, anthropic: 0.006, google: 0.005, "self-hosted": 0.015 };
const NO_TOKENS: CallUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };

/**
 * Simulates one model call: failure mode first (a 429 or a 5xx costs no tokens), then the latency model
 * queue + time to first token (prefill, plus thinking for reasoning models) + decode at the model's
 * tokens/s with lognormal noise. A call slower than the feature's timeout becomes a timeout, which is billed
 * for what was consumed — as providers do for streams cut by the client.
 */
export function simulateCall(
  rng: Rng,
  model: DemoModel,
  feature: DemoFeature,
  tokens: { context: number; generated: number },
  cond: CallConditions,
): CallOutcome {
  const batchLike = feature.workloadClass !== "interactive";
  let queueMs = batchLike ? rng.lognormal(Math.log(150), 1) : rng.lognormal(Math.log(4), 0.6);
  if (model.provider === "self-hosted") queueMs *= 3; // a shared GPU pool queues more
  queueMs = Math.round(queueMs);

  if (rng.chance(cond.throttleP)) {
    return {
      status: "throttled",
      errorType: "rate_limit",
      httpStatus: 429,
      usage: NO_TOKENS,
      latencyMs: queueMs + rng.int(40, 250),
      queueMs,
    };
  }
  if (rng.chance(cond.overloadP)) {
    const overloaded = model.provider === "anthropic";
    return {
      status: "error",
      errorType: overloaded ? "overloaded" : "server_error",
      httpStatus: overloaded ? 529 : 503,
      usage: NO_TOKENS,
      latencyMs: queueMs + rng.int(200, 2_000),
      queueMs,
    };
  }
  if (model.contextLimit !== undefined && tokens.context > model.contextLimit) {
    return {
      status: "error",
      errorType: "context_length_exceeded",
      httpStatus: 400,
      usage: NO_TOKENS,
      latencyMs: queueMs + rng.int(20, 90),
      queueMs,
    };
  }
  if (rng.chance(BASE_SERVER_ERROR[model.provider] ?? 0.005)) {
    return {
      status: "error",
      errorType: "server_error",
      httpStatus: 500,
      usage: NO_TOKENS,
      latencyMs: queueMs + rng.int(300, 8_000),
      queueMs,
    };
  }
  if (rng.chance(0.0005)) {
    return {
      status: "error",
      errorType: "invalid_request",
      httpStatus: 400,
      usage: NO_TOKENS,
      latencyMs: queueMs + rng.int(15, 80),
      queueMs,
    };
  }

  const usage = fullUsage(rng, model, tokens);
  const visible = usage.outputTokens - usage.reasoningTokens;
  const tps = model.tokensPerSecond * rng.lognormal(0, 0.15);
  let ttft =
    model.ttftMs * rng.lognormal(0, 0.3) +
    (tokens.context / 1000) * model.prefillMsPerKToken * rng.lognormal(0, 0.2) +
    (usage.reasoningTokens / tps) * 1000;
  let decode = (visible / tps) * 1000;
  if (cond.regressed && rng.chance(0.3)) {
    // The story: a capacity problem at the provider makes almost a third of the calls several times slower.
    ttft *= rng.uniform(3, 6);
    decode *= rng.uniform(2, 3.5);
  }
  const latency = Math.round(queueMs + ttft + decode);
  const ttftMs = feature.streaming ? Math.round(ttft) : undefined;

  const stalled = rng.chance(0.0015); // a stream that stops sending mid-answer
  if (latency > feature.timeoutMs || stalled) {
    // Cut off: the prompt was processed and part of the answer generated before the client gave up.
    const cutAt = stalled ? feature.timeoutMs + rng.int(0, 250) : Math.min(latency, feature.timeoutMs + rng.int(0, 250));
    const done = stalled ? rng.uniform(0, 0.9) : Math.max(0, Math.min(1, (cutAt - queueMs - ttft) / Math.max(1, decode)));
    return {
      status: "timeout",
      errorType: "timeout",
      usage: partial(usage, done),
      latencyMs: cutAt,
      ttftMs: ttftMs !== undefined && ttftMs < cutAt ? ttftMs : undefined,
      queueMs,
    };
  }
  if (feature.trace === "conv" && rng.chance(0.0025)) {
    const done = rng.uniform(0.02, 0.4);
    return {
      status: "filtered",
      errorType: "content_filter",
      httpStatus: 200,
      usage: partial(usage, done),
      latencyMs: Math.round(queueMs + ttft + decode * done),
      ttftMs,
      queueMs,
    };
  }
  if (feature.streaming && rng.chance(0.008)) {
    // The user pressed stop: billed for the prompt and what was streamed so far.
    const done = rng.uniform(0.05, 0.8);
    return {
      status: "cancelled",
      errorType: "client_cancelled",
      httpStatus: 499,
      usage: partial(usage, done),
      latencyMs: Math.round(queueMs + ttft + decode * done),
      ttftMs,
      queueMs,
    };
  }
  return { status: "ok", httpStatus: 200, usage, latencyMs: latency, ttftMs, queueMs };
}

function fullUsage(rng: Rng, model: DemoModel, tokens: { context: number; generated: number }): CallUsage {
  const input = tokens.context;
  let cacheRead = 0;
  let cacheWrite = 0;
  // Providers only cache prompts of 1,024+ tokens; the cached part is the stable prefix (system prompt, docs).
  if (model.caching && input >= 1024) {
    const prefix = rng.uniform(0.4, 0.9);
    if (model.caching === "explicit") {
      if (rng.chance(0.65)) cacheRead = Math.floor(input * prefix);
      else if (rng.chance(0.6)) cacheWrite = Math.floor(input * prefix);
    } else if (rng.chance(0.45)) {
      cacheRead = Math.floor((input * prefix) / 128) * 128; // automatic caching works in 128-token blocks
    }
  }
  const reasoning = model.reasoningRatio ? Math.round(tokens.generated * model.reasoningRatio * rng.lognormal(0, 0.5)) : 0;
  return {
    inputTokens: input,
    outputTokens: tokens.generated + reasoning,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    reasoningTokens: reasoning,
  };
}

// Reasoning happens before the visible answer, so a cut keeps all of it and a share of the visible part.
function partial(usage: CallUsage, done: number): CallUsage {
  const visible = Math.floor((usage.outputTokens - usage.reasoningTokens) * done);
  return { ...usage, outputTokens: visible + usage.reasoningTokens };
}

/**
 * What an LLM gateway reports as cost: the catalog's list price plus its 5% fee, rounded to 10 decimals
 * with decimal arithmetic. Undefined when the catalog does not know the model.
 */
export function gatewayReportedCost(model: DemoModel, usage: CallUsage): number | undefined {
  if (usage.inputTokens === 0 && usage.outputTokens === 0) return undefined;
  const price = calcPrice(
    {
      input_tokens: usage.inputTokens,
      output_tokens: usage.outputTokens,
      cache_read_tokens: usage.cacheReadTokens,
      cache_write_tokens: usage.cacheWriteTokens,
    },
    model.model,
    { providerId: model.provider },
  );
  if (!price) return undefined;
  return new Decimal(price.total_price).times("1.05").toDecimalPlaces(10).toNumber();
}
