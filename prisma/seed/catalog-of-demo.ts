import type { z } from "zod";
import type { workloadClassSchema } from "@/lib/ingest/event-schema";
import type { TraceKind } from "./azure-trace";

/**
 * The cast of the demo: models (names that exist in the @pydantic/genai-prices catalog, plus one self-hosted
 * model the catalog cannot know), features with their routes and model mix, tenants and regions. Performance
 * numbers are plausible public-benchmark magnitudes, not measurements; they only need to differ believably.
 */
export type DemoModel = {
  provider: string;
  /** Canonical model name as most clients send it. */
  model: string;
  /** Median time to first token for a short prompt. */
  ttftMs: number;
  /** Extra time to first token per 1k prompt tokens (prefill). */
  prefillMsPerKToken: number;
  tokensPerSecond: number;
  /** Reasoning tokens ≈ ratio × visible output tokens (counted inside outputTokens, per the contract). */
  reasoningRatio?: number;
  /** How prompt caching shows up in usage: explicit writes + reads, or automatic reads only. */
  caching?: "explicit" | "automatic";
  /** Prompts above this fail with context_length_exceeded (the self-hosted model's small window). */
  contextLimit?: number;
};

export const MODELS = {
  gpt4o: { provider: "openai", model: "gpt-4o", ttftMs: 420, prefillMsPerKToken: 35, tokensPerSecond: 85, caching: "automatic" },
  gpt4oMini: { provider: "openai", model: "gpt-4o-mini", ttftMs: 330, prefillMsPerKToken: 20, tokensPerSecond: 120, caching: "automatic" },
  gpt41: { provider: "openai", model: "gpt-4.1", ttftMs: 480, prefillMsPerKToken: 30, tokensPerSecond: 80, caching: "automatic" },
  o4Mini: {
    provider: "openai",
    model: "o4-mini",
    ttftMs: 600,
    prefillMsPerKToken: 25,
    tokensPerSecond: 140,
    reasoningRatio: 3,
    caching: "automatic",
  },
  sonnet4: {
    provider: "anthropic",
    model: "claude-sonnet-4",
    ttftMs: 900,
    prefillMsPerKToken: 40,
    tokensPerSecond: 65,
    caching: "explicit",
  },
  haiku35: {
    provider: "anthropic",
    model: "claude-3-5-haiku",
    ttftMs: 550,
    prefillMsPerKToken: 20,
    tokensPerSecond: 95,
    caching: "explicit",
  },
  gemini20Flash: { provider: "google", model: "gemini-2.0-flash", ttftMs: 300, prefillMsPerKToken: 12, tokensPerSecond: 180 },
  gemini25Flash: {
    provider: "google",
    model: "gemini-2.5-flash",
    ttftMs: 420,
    prefillMsPerKToken: 15,
    tokensPerSecond: 160,
    caching: "automatic",
  },
  llama70b: {
    provider: "self-hosted",
    model: "llama-3.1-70b-instruct",
    ttftMs: 380,
    prefillMsPerKToken: 55,
    tokensPerSecond: 45,
    contextLimit: 4096, // deployed with a short window to fit the GPU pool
  },
} as const satisfies Record<string, DemoModel>;

export type ModelKey = keyof typeof MODELS;

/** One way a feature calls a model; `as` is the name actually sent (dated snapshot or gateway alias). */
export type ModelChoice = { key: ModelKey; weight: number; as?: string; reportsCost?: boolean };

export type WorkloadClass = z.infer<typeof workloadClassSchema>;

export type DemoFeature = {
  name: string;
  /** Share of tasks at a neutral hour. */
  weight: number;
  workloadClass: WorkloadClass;
  trace: TraceKind;
  routes: readonly string[];
  streaming: boolean;
  models: readonly ModelChoice[];
  /** Fallback by the failing model's provider (always another provider). */
  fallbacks: Readonly<Record<string, ModelChoice>>;
  maxAttempts: number;
  timeoutMs: number;
  promptVersion: string;
};

export const FEATURES: readonly DemoFeature[] = [
  {
    name: "support-chat",
    weight: 0.25,
    workloadClass: "interactive",
    trace: "conv",
    routes: ["/chat/support", "/chat/escalate", "/chat/handoff-summary"],
    streaming: true,
    models: [
      { key: "sonnet4", weight: 0.5 },
      { key: "gpt4o", weight: 0.3 },
      { key: "gpt4oMini", weight: 0.2 },
    ],
    fallbacks: { anthropic: { key: "gpt4o", weight: 1 }, openai: { key: "sonnet4", weight: 1 } },
    maxAttempts: 2,
    timeoutMs: 30_000,
    promptVersion: "support-v14",
  },
  {
    name: "code-assistant",
    weight: 0.2,
    workloadClass: "interactive",
    trace: "code",
    routes: ["/code/complete", "/code/explain", "/code/fix"],
    streaming: true,
    models: [
      { key: "gpt41", weight: 0.5 },
      { key: "sonnet4", weight: 0.3 },
      { key: "gpt4oMini", weight: 0.2 },
    ],
    fallbacks: { openai: { key: "sonnet4", weight: 1 }, anthropic: { key: "gpt41", weight: 1 } },
    maxAttempts: 2,
    timeoutMs: 20_000,
    promptVersion: "code-v7",
  },
  {
    name: "search-answers",
    weight: 0.15,
    workloadClass: "interactive",
    trace: "conv",
    routes: ["/search/answer", "/search/suggest"],
    streaming: true,
    models: [
      { key: "gemini20Flash", weight: 0.6 },
      { key: "gpt4oMini", weight: 0.4 },
    ],
    fallbacks: { google: { key: "gpt4oMini", weight: 1 }, openai: { key: "gemini20Flash", weight: 1 } },
    maxAttempts: 2,
    timeoutMs: 15_000,
    promptVersion: "search-v3",
  },
  {
    name: "agent-workflows",
    weight: 0.08,
    workloadClass: "interactive",
    trace: "code",
    routes: ["/agent/plan", "/agent/step", "/agent/reflect"],
    streaming: true,
    models: [
      { key: "o4Mini", weight: 0.5 },
      { key: "gpt41", weight: 0.3 },
      { key: "sonnet4", weight: 0.2 },
    ],
    fallbacks: { openai: { key: "sonnet4", weight: 1 }, anthropic: { key: "o4Mini", weight: 1 } },
    maxAttempts: 3,
    timeoutMs: 60_000,
    promptVersion: "agent-v2",
  },
  {
    name: "doc-summarize",
    weight: 0.12,
    workloadClass: "batch",
    trace: "conv",
    routes: ["/batch/summarize", "/batch/translate"],
    streaming: false,
    models: [
      { key: "gpt4oMini", weight: 0.5 },
      { key: "gemini25Flash", weight: 0.3 },
      // Called through an LLM gateway: provider-prefixed name, and the gateway reports its own cost.
      { key: "haiku35", weight: 0.2, as: "anthropic/claude-3-5-haiku", reportsCost: true },
    ],
    fallbacks: {
      openai: { key: "gemini25Flash", weight: 1 },
      google: { key: "gpt4oMini", weight: 1 },
      anthropic: { key: "gpt4oMini", weight: 1 },
    },
    maxAttempts: 4,
    timeoutMs: 120_000,
    promptVersion: "summarize-v5",
  },
  {
    name: "code-review",
    weight: 0.06,
    workloadClass: "batch",
    trace: "code",
    routes: ["/batch/review-pr", "/batch/security-scan"],
    streaming: false,
    models: [
      // Pinned to a dated snapshot for reproducible reviews.
      { key: "sonnet4", weight: 0.6, as: "claude-sonnet-4-20250514" },
      { key: "o4Mini", weight: 0.4 },
    ],
    fallbacks: { anthropic: { key: "gpt41", weight: 1 }, openai: { key: "sonnet4", weight: 1, as: "claude-sonnet-4-20250514" } },
    maxAttempts: 4,
    timeoutMs: 180_000,
    promptVersion: "review-v9",
  },
  {
    name: "data-extraction",
    weight: 0.08,
    workloadClass: "opportunistic",
    trace: "conv",
    routes: ["/jobs/extract-invoice", "/jobs/extract-contract"],
    streaming: false,
    models: [
      // A few percent of all calls: enough to show up in the unpriced-models list without dominating it.
      { key: "llama70b", weight: 0.4 },
      { key: "gemini20Flash", weight: 0.6 },
    ],
    fallbacks: { "self-hosted": { key: "gpt4oMini", weight: 1 }, google: { key: "gpt4oMini", weight: 1 } },
    maxAttempts: 3,
    timeoutMs: 90_000,
    promptVersion: "extract-v4",
  },
  {
    name: "eval-runs",
    weight: 0.06,
    workloadClass: "opportunistic",
    trace: "code",
    routes: ["/jobs/eval-regression", "/jobs/eval-golden"],
    streaming: false,
    models: [
      { key: "gpt4o", weight: 0.5, as: "gpt-4o-2024-08-06" },
      { key: "gpt4oMini", weight: 0.5 },
    ],
    fallbacks: { openai: { key: "gemini25Flash", weight: 1 } },
    maxAttempts: 3,
    timeoutMs: 120_000,
    promptVersion: "eval-v1",
  },
];

export const REGIONS = ["us-east", "eu-west", "ap-southeast"] as const;

/** Ranked by size: traffic share follows a Zipf-like 1/rank^1.1 long tail. */
export const TENANTS: readonly { name: string; region: (typeof REGIONS)[number] }[] = [
  { name: "northwind", region: "us-east" },
  { name: "globex", region: "us-east" },
  { name: "initech", region: "us-east" },
  { name: "umbrella-health", region: "eu-west" },
  { name: "soylent", region: "us-east" },
  { name: "stark-logistics", region: "us-east" },
  { name: "hooli", region: "us-east" },
  { name: "wonka-foods", region: "eu-west" },
  { name: "tyrell-labs", region: "ap-southeast" },
  { name: "cyberdyne", region: "us-east" },
  { name: "oscorp", region: "us-east" },
  { name: "wayne-finance", region: "us-east" },
  { name: "gringotts-bank", region: "eu-west" },
  { name: "vandelay-import", region: "us-east" },
  { name: "pied-piper", region: "us-east" },
  { name: "massive-dynamic", region: "us-east" },
  { name: "blue-sun", region: "ap-southeast" },
  { name: "dunder-paper", region: "us-east" },
  { name: "aperture-science", region: "us-east" },
  { name: "black-mesa", region: "us-east" },
  { name: "nakatomi", region: "ap-southeast" },
  { name: "prestige-worldwide", region: "eu-west" },
  { name: "monarch-solutions", region: "eu-west" },
  { name: "bluth-homes", region: "us-east" },
  { name: "sterling-cooper", region: "us-east" },
  { name: "krusty-retail", region: "us-east" },
  { name: "duff-beverages", region: "eu-west" },
  { name: "ollivanders", region: "eu-west" },
  { name: "weyland-mining", region: "ap-southeast" },
  { name: "gekko-capital", region: "us-east" },
  { name: "bates-hospitality", region: "us-east" },
  { name: "cogswell-cogs", region: "us-east" },
  { name: "spacely-sprockets", region: "us-east" },
  { name: "planet-express", region: "eu-west" },
  { name: "los-pollos", region: "us-east" },
  { name: "kwik-e-mart", region: "us-east" },
  { name: "virtucon", region: "eu-west" },
  { name: "zorg-industries", region: "eu-west" },
  { name: "rekall", region: "ap-southeast" },
  { name: "genco-pura", region: "ap-southeast" },
];

/**
 * The stories the dashboards should find (all relative to `now`):
 * - a tenant whose spend spikes in the last days (an agent loop on an expensive model) → top movers;
 * - a p95 latency regression of one model in the last 7 days → the regression finder;
 * - 429 bursts concentrated on one provider → throttle and fallback panels.
 */
export const STORIES = {
  spikeTenant: "hooli",
  spikeFeature: "agent-workflows",
  spikeDays: 4,
  spikeWeightFactor: 5,
  spikeModel: "gpt41" satisfies ModelKey,
  regressionModel: "sonnet4" satisfies ModelKey,
  regressionDays: 7,
  throttleProvider: "openai",
} as const;
