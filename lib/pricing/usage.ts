import { z } from "zod";

/** Far above any context window (≈10M today) and far below the int4 columns' 2^31. */
export const MAX_TOKENS = 100_000_000;

/**
 * Token usage in the event contract's meaning, whatever shape the client sent:
 * - inputTokens: ALL prompt tokens, cached reads and cache writes included (OpenAI's meaning).
 * - cacheReadTokens / cacheWriteTokens: the parts of inputTokens read from / written to the cache.
 * - cacheWrite1hTokens: the part of cacheWriteTokens written with a 1-hour TTL (Anthropic).
 * - outputTokens: all generated tokens, reasoning included; reasoningTokens is that part.
 */
export const normalizedUsageSchema = z
  .object({
    inputTokens: z.number().int().min(0),
    outputTokens: z.number().int().min(0),
    cacheReadTokens: z.number().int().min(0).default(0),
    cacheWriteTokens: z.number().int().min(0).default(0),
    cacheWrite1hTokens: z.number().int().min(0).default(0),
    reasoningTokens: z.number().int().min(0).default(0),
  })
  .strict();

export type NormalizedUsage = z.output<typeof normalizedUsageSchema>;
