import { describe, expect, it } from "vitest";
import { normalizeUsage, UsageShapeError } from "./normalize-usage";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof UsageShapeError) return err.code;
    throw err;
  }
  return "no error";
}

describe("normalizeUsage", () => {
  it("keeps the contract shape and defaults the optional parts to 0", () => {
    expect(normalizeUsage({ inputTokens: 100, outputTokens: 20, cacheReadTokens: 40 })).toEqual({
      inputTokens: 100,
      outputTokens: 20,
      cacheReadTokens: 40,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 0,
    });
  });

  it("maps openai.chat (cached and reasoning tokens are already inside the totals)", () => {
    const u = normalizeUsage(
      {
        prompt_tokens: 2006,
        completion_tokens: 300,
        total_tokens: 2306,
        prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 192, audio_tokens: 0, accepted_prediction_tokens: 0 },
      },
      "openai.chat",
    );
    expect(u).toEqual({
      inputTokens: 2006,
      outputTokens: 300,
      cacheReadTokens: 1920,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 192,
    });
  });

  it("maps openai.chat with null details (older API versions)", () => {
    const u = normalizeUsage({ prompt_tokens: 10, completion_tokens: 5, prompt_tokens_details: null }, "openai.chat");
    expect(u.cacheReadTokens).toBe(0);
    expect(u.inputTokens).toBe(10);
  });

  it("maps openai.responses", () => {
    const u = normalizeUsage(
      {
        input_tokens: 5000,
        input_tokens_details: { cached_tokens: 4096 },
        output_tokens: 800,
        output_tokens_details: { reasoning_tokens: 512 },
        total_tokens: 5800,
      },
      "openai.responses",
    );
    expect(u).toMatchObject({ inputTokens: 5000, cacheReadTokens: 4096, outputTokens: 800, reasoningTokens: 512 });
  });

  it("adds Anthropic's cache reads and writes back into the input, and keeps the 1-hour split", () => {
    const u = normalizeUsage(
      {
        input_tokens: 50,
        cache_creation_input_tokens: 1000,
        cache_read_input_tokens: 3000,
        cache_creation: { ephemeral_5m_input_tokens: 400, ephemeral_1h_input_tokens: 600 },
        output_tokens: 200,
        service_tier: "standard",
      },
      "anthropic",
    );
    expect(u).toEqual({
      inputTokens: 4050,
      outputTokens: 200,
      cacheReadTokens: 3000,
      cacheWriteTokens: 1000,
      cacheWrite1hTokens: 600,
      reasoningTokens: 0,
    });
  });

  it("uses Anthropic's split when the flat cache total is absent, and accepts nulls", () => {
    const u = normalizeUsage(
      {
        input_tokens: 10,
        cache_read_input_tokens: null,
        cache_creation: { ephemeral_5m_input_tokens: 30, ephemeral_1h_input_tokens: 70 },
        output_tokens: 1,
      },
      "anthropic",
    );
    expect(u).toMatchObject({ inputTokens: 110, cacheWriteTokens: 100, cacheWrite1hTokens: 70, cacheReadTokens: 0 });
  });

  it("names the problem with a reject code", () => {
    expect(codeOf(() => normalizeUsage({ inputTokens: -1, outputTokens: 0 }))).toBe("negative_tokens");
    expect(codeOf(() => normalizeUsage({ prompt_tokens: 1, completion_tokens: -5 }, "openai.chat"))).toBe("negative_tokens");
    expect(codeOf(() => normalizeUsage({ inputTokens: 1e9, outputTokens: 0 }))).toBe("absurd_tokens");
    expect(codeOf(() => normalizeUsage({ inputTokens: 1.5, outputTokens: 0 }))).toBe("invalid_usage");
    expect(codeOf(() => normalizeUsage({ inputTokens: "10", outputTokens: 0 }))).toBe("invalid_usage");
    expect(codeOf(() => normalizeUsage({ input_tokens: 10, output_tokens: 1 }))).toBe("invalid_usage"); // snake_case without usageFormat
    expect(codeOf(() => normalizeUsage({ inputTokens: 10, outputTokens: 1, promptTokens: 3 }))).toBe("invalid_usage"); // unknown key
    expect(codeOf(() => normalizeUsage({ prompt_tokens: 10 }, "openai.chat"))).toBe("invalid_usage"); // missing completion_tokens
    expect(codeOf(() => normalizeUsage(null, "anthropic"))).toBe("invalid_usage");
    expect(codeOf(() => normalizeUsage({ inputTokens: 1, outputTokens: 1 }, "gemini" as never))).toBe("invalid_usage");
  });

  it("refuses parts that do not add up to the totals", () => {
    expect(codeOf(() => normalizeUsage({ inputTokens: 100, outputTokens: 1, cacheReadTokens: 80, cacheWriteTokens: 30 }))).toBe(
      "invalid_usage",
    );
    expect(codeOf(() => normalizeUsage({ inputTokens: 100, outputTokens: 10, reasoningTokens: 11 }))).toBe("invalid_usage");
    expect(codeOf(() => normalizeUsage({ inputTokens: 100, outputTokens: 1, cacheWriteTokens: 10, cacheWrite1hTokens: 11 }))).toBe(
      "invalid_usage",
    );
    expect(
      codeOf(() =>
        normalizeUsage({ prompt_tokens: 100, completion_tokens: 1, prompt_tokens_details: { cached_tokens: 101 } }, "openai.chat"),
      ),
    ).toBe("invalid_usage");
    // Anthropic's split total exceeding its own flat total is inconsistent too.
    expect(
      codeOf(() =>
        normalizeUsage(
          { input_tokens: 1, output_tokens: 1, cache_creation_input_tokens: 5, cache_creation: { ephemeral_1h_input_tokens: 9 } },
          "anthropic",
        ),
      ),
    ).toBe("invalid_usage");
  });
});
