import { z } from "zod";
import { MAX_TOKENS, type NormalizedUsage } from "./usage";

/**
 * Provider usage objects accepted verbatim (`usageFormat`), and the contract's own camelCase shape.
 * Everything is normalised to the contract's meaning before pricing: inputTokens INCLUDES cached reads
 * and cache writes, outputTokens INCLUDES reasoning. Anthropic is the odd one: its `input_tokens`
 * excludes both cache parts, so they are added back here.
 */
export const USAGE_FORMATS = ["openai.chat", "openai.responses", "anthropic"] as const;
export const usageFormatSchema = z.enum(USAGE_FORMATS);
export type UsageFormat = z.infer<typeof usageFormatSchema>;

export type UsageErrorCode = "invalid_usage" | "negative_tokens" | "absurd_tokens";

/** Thrown for a usage object that cannot be normalised; `code` is the item's reject code. */
export class UsageShapeError extends Error {
  override name = "UsageShapeError";
  constructor(
    readonly code: UsageErrorCode,
    message: string,
    /** Dotted path inside `usage`, empty for the object itself. */
    readonly path = "",
  ) {
    super(message);
  }
}

const tokens = z.number().int().min(0).max(MAX_TOKENS);
const optionalTokens = tokens.nullish();

/** The contract's shape (Foundation issue). cacheWrite1hTokens is an optional extension for Anthropic's 1-hour cache. */
export const contractUsageSchema = z.strictObject({
  inputTokens: tokens,
  outputTokens: tokens,
  cacheReadTokens: optionalTokens,
  cacheWriteTokens: optionalTokens,
  cacheWrite1hTokens: optionalTokens,
  reasoningTokens: optionalTokens,
});

// Provider objects are loose: providers add fields (audio tokens, server tool use…) and those must not
// make an otherwise well-formed event fail.
const openAiChatUsageSchema = z.looseObject({
  prompt_tokens: tokens,
  completion_tokens: tokens,
  prompt_tokens_details: z.looseObject({ cached_tokens: optionalTokens }).nullish(),
  completion_tokens_details: z.looseObject({ reasoning_tokens: optionalTokens }).nullish(),
});

const openAiResponsesUsageSchema = z.looseObject({
  input_tokens: tokens,
  output_tokens: tokens,
  input_tokens_details: z.looseObject({ cached_tokens: optionalTokens }).nullish(),
  output_tokens_details: z.looseObject({ reasoning_tokens: optionalTokens }).nullish(),
});

const anthropicUsageSchema = z.looseObject({
  input_tokens: tokens,
  output_tokens: tokens,
  cache_creation_input_tokens: optionalTokens,
  cache_read_input_tokens: optionalTokens,
  cache_creation: z.looseObject({ ephemeral_5m_input_tokens: optionalTokens, ephemeral_1h_input_tokens: optionalTokens }).nullish(),
});

function parse<S extends z.ZodType>(schema: S, usage: unknown, label: string): z.infer<S> {
  const r = schema.safeParse(usage);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = issue.path.map(String).join(".");
  const where = path ? `usage.${path}` : "usage";
  if (issue.code === "too_small" && issue.origin === "number") {
    throw new UsageShapeError("negative_tokens", `${where} is negative`, path);
  }
  if (issue.code === "too_big" && issue.origin === "number") {
    throw new UsageShapeError("absurd_tokens", `${where} is above ${MAX_TOKENS.toLocaleString("en-US")}`, path);
  }
  throw new UsageShapeError("invalid_usage", `${where} does not match the ${label} usage shape: ${issue.message}`, path);
}

const n = (v: number | null | undefined): number => v ?? 0;

/** Normalises a usage object (contract shape, or a provider's with `usageFormat`). Throws UsageShapeError. */
export function normalizeUsage(usage: unknown, usageFormat?: UsageFormat): NormalizedUsage {
  let u: NormalizedUsage;
  switch (usageFormat) {
    case undefined: {
      const c = parse(contractUsageSchema, usage, "contract (camelCase)");
      u = {
        inputTokens: c.inputTokens,
        outputTokens: c.outputTokens,
        cacheReadTokens: n(c.cacheReadTokens),
        cacheWriteTokens: n(c.cacheWriteTokens),
        cacheWrite1hTokens: n(c.cacheWrite1hTokens),
        reasoningTokens: n(c.reasoningTokens),
      };
      break;
    }
    case "openai.chat": {
      const c = parse(openAiChatUsageSchema, usage, "openai.chat");
      u = {
        inputTokens: c.prompt_tokens,
        outputTokens: c.completion_tokens,
        cacheReadTokens: n(c.prompt_tokens_details?.cached_tokens),
        cacheWriteTokens: 0,
        cacheWrite1hTokens: 0,
        reasoningTokens: n(c.completion_tokens_details?.reasoning_tokens),
      };
      break;
    }
    case "openai.responses": {
      const c = parse(openAiResponsesUsageSchema, usage, "openai.responses");
      u = {
        inputTokens: c.input_tokens,
        outputTokens: c.output_tokens,
        cacheReadTokens: n(c.input_tokens_details?.cached_tokens),
        cacheWriteTokens: 0,
        cacheWrite1hTokens: 0,
        reasoningTokens: n(c.output_tokens_details?.reasoning_tokens),
      };
      break;
    }
    case "anthropic": {
      const c = parse(anthropicUsageSchema, usage, "anthropic");
      const split = c.cache_creation;
      const fiveMin = n(split?.ephemeral_5m_input_tokens);
      const oneHour = n(split?.ephemeral_1h_input_tokens);
      // The flat total is authoritative when present; older responses only have it, some proxies only the split.
      const cacheWrite = c.cache_creation_input_tokens ?? fiveMin + oneHour;
      const cacheRead = n(c.cache_read_input_tokens);
      u = {
        inputTokens: c.input_tokens + cacheWrite + cacheRead,
        outputTokens: c.output_tokens,
        cacheReadTokens: cacheRead,
        cacheWriteTokens: cacheWrite,
        cacheWrite1hTokens: oneHour,
        // Anthropic bills extended thinking as output and does not report it apart.
        reasoningTokens: 0,
      };
      break;
    }
    default:
      throw new UsageShapeError("invalid_usage", `unknown usageFormat '${String(usageFormat)}'; use one of ${USAGE_FORMATS.join(", ")}`);
  }
  return checkConsistent(u);
}

function checkConsistent(u: NormalizedUsage): NormalizedUsage {
  if (u.inputTokens > MAX_TOKENS) {
    throw new UsageShapeError(
      "absurd_tokens",
      `input tokens (${u.inputTokens}) are above ${MAX_TOKENS.toLocaleString("en-US")}`,
      "inputTokens",
    );
  }
  if (u.cacheReadTokens + u.cacheWriteTokens > u.inputTokens) {
    throw new UsageShapeError(
      "invalid_usage",
      `cached tokens (read ${u.cacheReadTokens} + write ${u.cacheWriteTokens}) exceed input tokens (${u.inputTokens}); inputTokens must include them`,
    );
  }
  if (u.cacheWrite1hTokens > u.cacheWriteTokens) {
    throw new UsageShapeError("invalid_usage", `1-hour cache writes (${u.cacheWrite1hTokens}) exceed cache writes (${u.cacheWriteTokens})`);
  }
  if (u.reasoningTokens > u.outputTokens) {
    throw new UsageShapeError(
      "invalid_usage",
      `reasoning tokens (${u.reasoningTokens}) exceed output tokens (${u.outputTokens}); outputTokens must include them`,
    );
  }
  return u;
}
