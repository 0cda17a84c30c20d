import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { UsageEventInput } from "./event-schema";
import type { contractUsageSchema } from "@/lib/pricing/normalize-usage";

/** A contract event whose usage is in the contract's own shape. */
export type SampleEvent = UsageEventInput & { usage: z.input<typeof contractUsageSchema> };

const MODELS = [
  { provider: "openai", model: "gpt-4o-mini" },
  { provider: "openai", model: "gpt-4o" },
  { provider: "anthropic", model: "claude-sonnet-4-5" },
  { provider: "google", model: "gemini-2.5-flash" },
] as const;

/**
 * Plausible contract events for tests and the ingest benchmark: several providers and models, tenants,
 * cached and reasoning tokens, a share of failures. Deterministic in `seed` except for the ids, which
 * are fresh so every call produces new events (pass `idPrefix` to make them repeatable).
 */
export function sampleEvents(count: number, opts: { seed?: number; end?: Date; spanMs?: number; idPrefix?: string } = {}): SampleEvent[] {
  const end = (opts.end ?? new Date()).getTime() - 60_000;
  const span = opts.spanMs ?? 6 * 3600_000;
  let s = (opts.seed ?? 1) >>> 0;
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const out: SampleEvent[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const m = MODELS[Math.floor(rand() * MODELS.length)]!;
    const input = 200 + Math.floor(rand() * 8000);
    const output = 20 + Math.floor(rand() * 1500);
    const failed = rand() < 0.04;
    const latency = 150 + Math.floor(rand() * 4000);
    const id = opts.idPrefix ? `${opts.idPrefix}-${i}` : randomUUID();
    out[i] = {
      id,
      timestamp: new Date(end - Math.floor(rand() * span)).toISOString(),
      provider: m.provider,
      model: m.model,
      region: rand() < 0.5 ? "us-east-1" : "eu-west-1",
      tenant: `tenant-${Math.floor(rand() * 200)}`,
      feature: ["chat", "search", "summaries", "agent"][Math.floor(rand() * 4)],
      route: "/api/assist",
      workloadClass: rand() < 0.8 ? "interactive" : "batch",
      status: failed ? "error" : "ok",
      errorType: failed ? "server_error" : undefined,
      httpStatus: failed ? 500 : 200,
      usage: {
        inputTokens: input,
        outputTokens: failed ? 0 : output,
        cacheReadTokens: Math.floor(input * rand() * 0.5),
        reasoningTokens: failed ? 0 : Math.floor(output * rand() * 0.3),
      },
      latencyMs: latency,
      ttftMs: Math.min(latency, 80 + Math.floor(rand() * 100)),
    };
  }
  return out;
}
