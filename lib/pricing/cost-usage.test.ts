import { beforeAll, describe, expect, it } from "vitest";
import { normalizeUsage } from "@/lib/pricing/normalize-usage";
import type { CatalogIndex } from "./catalog-index";
import { installedCatalog } from "./catalog-fixture.test-helper";
import { costEvent } from "./cost-event";
import { costUsage, InconsistentUsageError } from "./cost-usage";
import { usdDecimalString } from "./money";
import type { NormalizedUsage } from "./usage";

let index: CatalogIndex;
beforeAll(async () => {
  index = (await installedCatalog()).index;
});

const u = (p: Partial<NormalizedUsage>): NormalizedUsage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  cacheWrite1hTokens: 0,
  reasoningTokens: 0,
  ...p,
});
const AT = new Date("2026-11-10T12:00:00Z");

function list(provider: string, model: string, usage: NormalizedUsage, timestamp = AT) {
  const c = costEvent(index, [], { provider, model, timestamp, usage });
  expect(c.priced).toBe(true);
  return {
    total: usdDecimalString(c.listCost),
    lines: Object.fromEntries(c.breakdown.lines.map((l) => [l.tokenClass, l])),
    tier: c.breakdown.tierAboveInputTokens,
  };
}

describe("each token class at the provider's documented rates", () => {
  // Anthropic, Claude Sonnet 4 (platform.claude.com pricing): input $3, 5-minute cache write $3.75,
  // 1-hour cache write $6, cache hit $0.30, output $15 per million tokens.
  it("input and output", () => {
    expect(list("anthropic", "claude-sonnet-4-20250514", u({ inputTokens: 1_000_000 })).total).toBe("3");
    expect(list("anthropic", "claude-sonnet-4-20250514", u({ outputTokens: 1_000_000 })).total).toBe("15");
    expect(list("anthropic", "claude-sonnet-4-20250514", u({ inputTokens: 1, outputTokens: 1 })).total).toBe("0.000018");
  });

  it("cache read", () => {
    const r = list("anthropic", "claude-sonnet-4-20250514", u({ inputTokens: 1_000_000, cacheReadTokens: 1_000_000 }));
    expect(r.total).toBe("0.3");
    expect(r.lines.input!.tokens).toBe(0);
  });

  it("cache write, 5-minute and 1-hour TTL", () => {
    const five = list("anthropic", "claude-sonnet-4-20250514", u({ inputTokens: 1_000_000, cacheWriteTokens: 1_000_000 }));
    expect(five.total).toBe("3.75");
    const hour = list(
      "anthropic",
      "claude-sonnet-4-20250514",
      u({ inputTokens: 1_000_000, cacheWriteTokens: 1_000_000, cacheWrite1hTokens: 1_000_000 }),
    );
    expect(hour.total).toBe("6");
    const mixed = list(
      "anthropic",
      "claude-sonnet-4-20250514",
      u({ inputTokens: 10_000, cacheWriteTokens: 10_000, cacheWrite1hTokens: 4_000 }),
    );
    // 6,000 × $3.75 + 4,000 × $6 per million
    expect(mixed.total).toBe("0.0465");
    expect(mixed.lines.cacheWrite!.tokens).toBe(6_000);
    expect(mixed.lines.cacheWrite1h!.tokens).toBe(4_000);
  });

  it("a full Anthropic prompt-caching request: every class once, nothing twice", () => {
    const r = list(
      "anthropic",
      "claude-sonnet-4-20250514",
      u({ inputTokens: 30_050, cacheWriteTokens: 10_000, cacheReadTokens: 20_000, outputTokens: 500 }),
    );
    // 50 × 3 + 10,000 × 3.75 + 20,000 × 0.30 + 500 × 15 = 51,150 µ$ per million tokens
    expect(r.total).toBe("0.05115");
  });

  it("OpenAI cached input (no cache-write price: written tokens bill as input)", () => {
    // gpt-4o: input $2.50, cached input $1.25, output $10.
    const r = list(
      "openai",
      "gpt-4o-2024-08-06",
      u({ inputTokens: 2_000, cacheReadTokens: 1_500, cacheWriteTokens: 200, outputTokens: 300 }),
    );
    expect(r.total).toBe("0.006125");
    expect(r.lines.cacheWrite).toBeUndefined();
    expect(r.lines.input!.tokens).toBe(500);
  });

  it("reasoning inside output at the output price (OpenAI o3) and priced apart where it is (Sonar Deep Research)", () => {
    // o3 since 2025-06-10: input $2, output $8 — reasoning tokens are output tokens.
    expect(list("openai", "o3", u({ inputTokens: 1_000, outputTokens: 5_000, reasoningTokens: 4_000 })).total).toBe("0.042");
    // Perplexity Sonar Deep Research: input $2, output $8, reasoning $3.
    const r = list("perplexity", "sonar-deep-research", u({ inputTokens: 1_000, outputTokens: 1_000, reasoningTokens: 600 }));
    expect(r.lines.output!.tokens).toBe(400);
    expect(r.lines.reasoning!.tokens).toBe(600);
    expect(r.total).toBe("0.007"); // 1,000×2 + 400×8 + 600×3
  });
});

describe("context tiers: the whole request at the higher rate above the threshold", () => {
  it("Claude Sonnet 4.5 above 200k input tokens", () => {
    const at = list("anthropic", "claude-sonnet-4-5", u({ inputTokens: 200_000, outputTokens: 1_000 }));
    expect(at).toMatchObject({ total: "0.615", tier: null }); // 200,000 × 3 + 1,000 × 15
    const above = list("anthropic", "claude-sonnet-4-5", u({ inputTokens: 200_001, outputTokens: 1_000 }));
    expect(above).toMatchObject({ total: "1.222506", tier: 200_000 }); // 200,001 × 6 + 1,000 × 22.50
  });

  it("cached tokens count toward the threshold and take the tier's cache rates", () => {
    const r = list(
      "anthropic",
      "claude-sonnet-4-5",
      u({ inputTokens: 250_000, cacheReadTokens: 200_000, cacheWriteTokens: 40_000, cacheWrite1hTokens: 40_000 }),
    );
    // 10,000 × 6 + 200,000 × 0.60 + 40,000 × 12 (1h write, long context)
    expect(r.total).toBe("0.66");
  });

  it("GPT-5.4 at 272k input tokens (OpenAI: standard rates below 272K)", () => {
    expect(list("openai", "gpt-5.4", u({ inputTokens: 271_999 })).total).toBe("0.6799975");
    expect(list("openai", "gpt-5.4", u({ inputTokens: 272_000, outputTokens: 1_000 }))).toMatchObject({ total: "1.3825", tier: 271_999 });
  });

  it("Gemini 1.5 Pro above 128k", () => {
    expect(list("google", "gemini-1.5-pro", u({ inputTokens: 128_000 })).total).toBe("0.16");
    expect(list("google", "gemini-1.5-pro", u({ inputTokens: 128_001 })).total).toBe("0.3200025");
  });
});

describe("effective dates and time-of-day rows from the catalog", () => {
  it("o3's 2025-06-10 price cut applies from that date", () => {
    const usage = u({ inputTokens: 1_000_000 });
    expect(list("openai", "o3", usage, new Date("2025-06-09T23:59:59Z")).total).toBe("10");
    expect(list("openai", "o3", usage, new Date("2025-06-10T00:00:00Z")).total).toBe("2");
  });

  it("DeepSeek off-peak (16:30–00:30 UTC) vs standard hours", () => {
    const usage = u({ inputTokens: 1_000_000 });
    expect(list("deepseek", "deepseek-chat", usage, new Date("2026-11-10T12:00:00Z")).total).toBe("0.27");
    expect(list("deepseek", "deepseek-chat", usage, new Date("2026-11-10T17:00:00Z")).total).toBe("0.135");
    expect(list("deepseek", "deepseek-chat", usage, new Date("2026-11-10T00:29:59Z")).total).toBe("0.135");
    expect(list("deepseek", "deepseek-chat", usage, new Date("2026-11-10T00:30:00Z")).total).toBe("0.27");
  });
});

describe("the same call in OpenAI shape and Anthropic shape costs the same, with no double counting", () => {
  it("Claude via the OpenAI-compatible API (cache inside prompt_tokens) = native Anthropic usage (cache outside input_tokens)", () => {
    const openAiShape = normalizeUsage(
      { prompt_tokens: 12_000, completion_tokens: 800, prompt_tokens_details: { cached_tokens: 10_000 } },
      "openai.chat",
    );
    const anthropicShape = normalizeUsage({ input_tokens: 2_000, cache_read_input_tokens: 10_000, output_tokens: 800 }, "anthropic");
    expect(openAiShape).toEqual(anthropicShape);
    const a = list("anthropic", "claude-sonnet-4-20250514", openAiShape);
    const b = list("anthropic", "claude-sonnet-4-20250514", anthropicShape);
    // What Anthropic bills: 2,000 × $3 + 10,000 × $0.30 + 800 × $15 per million = $0.021
    expect(a.total).toBe("0.021");
    expect(b.total).toBe("0.021");
  });

  it("Anthropic cache writes with the 1-hour split", () => {
    const usage = normalizeUsage(
      {
        input_tokens: 100,
        cache_creation_input_tokens: 3_000,
        cache_creation: { ephemeral_5m_input_tokens: 1_000, ephemeral_1h_input_tokens: 2_000 },
        cache_read_input_tokens: 0,
        output_tokens: 10,
      },
      "anthropic",
    );
    // 100 × 3 + 1,000 × 3.75 + 2,000 × 6 + 10 × 15
    expect(list("anthropic", "claude-sonnet-4-20250514", usage).total).toBe("0.0162");
  });

  it("OpenAI chat and responses shapes of one GPT-4o call", () => {
    const chat = normalizeUsage(
      { prompt_tokens: 2_000, completion_tokens: 300, prompt_tokens_details: { cached_tokens: 1_500 } },
      "openai.chat",
    );
    const resp = normalizeUsage(
      { input_tokens: 2_000, output_tokens: 300, input_tokens_details: { cached_tokens: 1_500 } },
      "openai.responses",
    );
    expect(list("openai", "gpt-4o", chat).total).toBe("0.006125");
    expect(list("openai", "gpt-4o", resp).total).toBe("0.006125");
  });
});

describe("costUsage", () => {
  it("rejects usage whose parts exceed their totals instead of pricing it", () => {
    const plan = { prices: { input: "1", output: "1", cacheRead: "0.1" }, tiers: [] };
    expect(() => costUsage(u({ inputTokens: 10, cacheReadTokens: 11 }), plan)).toThrow(InconsistentUsageError);
    expect(() => costUsage(u({ outputTokens: 1, reasoningTokens: 2 }), plan)).toThrow(InconsistentUsageError);
  });

  it("is exact in decimal where binary floats are not", () => {
    const plan = { prices: { input: "0.1", output: "0.2" }, tiers: [] };
    const c = costUsage(u({ inputTokens: 3, outputTokens: 3 }), plan);
    expect(c.total.toFixed()).toBe("0.0000009"); // 3×0.1 + 3×0.2 = 0.9 per million, no 0.30000000000000004
  });
});
