import { calcPrice, type Provider } from "@pydantic/genai-prices";
import { beforeAll, describe, expect, it } from "vitest";
import type { CatalogIndex } from "./catalog-index";
import { installedCatalog } from "./catalog-fixture.test-helper";
import type { CatalogData } from "./catalog-from-genai-prices";
import { costEvent } from "./cost-event";
import type { NormalizedUsage } from "./usage";

let providers: readonly Provider[];
let data: CatalogData;
let index: CatalogIndex;
beforeAll(async () => {
  ({ providers, data, index } = await installedCatalog());
});

/** Price keys our usage cannot carry (per-request fees, audio, images, searches): the library would charge them. */
const OUT_OF_SCOPE = /requests_kcount/;

describe("catalog conversion", () => {
  it("loads every provider and model of the installed catalog", () => {
    expect(data.providers.length).toBe(providers.length);
    expect(data.models.length).toBeGreaterThan(1500);
    expect(data.rows.length).toBeGreaterThanOrEqual(data.models.length);
    expect(data.rows.filter((r) => r.tiers.length > 0).length).toBeGreaterThan(40); // ~60 tiered rows (210 tiered price keys)
  });

  it("costs every model, tier and dated/time-of-day row exactly as the catalog's own calculator", () => {
    const usages: NormalizedUsage[] = [
      { inputTokens: 1_234, outputTokens: 567, cacheReadTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0, reasoningTokens: 0 },
      {
        inputTokens: 150_000,
        outputTokens: 4_000,
        cacheReadTokens: 90_000,
        cacheWriteTokens: 20_000,
        cacheWrite1hTokens: 5_000,
        reasoningTokens: 1_000,
      },
      {
        inputTokens: 300_000,
        outputTokens: 10_000,
        cacheReadTokens: 100_000,
        cacheWriteTokens: 50_000,
        cacheWrite1hTokens: 50_000,
        reasoningTokens: 9_000,
      },
    ];
    const times = ["2024-01-01T10:00:00Z", "2025-06-10T02:00:00Z", "2026-11-10T20:00:00Z", "2027-02-01T12:00:00Z"].map((t) => new Date(t));
    let compared = 0;
    for (const p of providers) {
      for (const m of p.models) {
        if (OUT_OF_SCOPE.test(JSON.stringify(m.prices))) continue;
        const name = m.match && "equals" in m.match ? m.match.equals : m.id;
        for (const usage of usages) {
          for (const timestamp of times) {
            const theirs = calcPrice(
              {
                input_tokens: usage.inputTokens,
                output_tokens: usage.outputTokens,
                cache_read_tokens: usage.cacheReadTokens,
                cache_write_tokens: usage.cacheWriteTokens,
                cache_write_1h_tokens: usage.cacheWrite1hTokens,
                output_reasoning_tokens: usage.reasoningTokens,
              },
              name,
              { providerId: p.id, timestamp },
            );
            const ours = costEvent(index, [], { provider: p.id, model: name, timestamp, usage });
            if (!theirs) {
              expect(ours.priced, `${p.id}/${name}`).toBe(false);
              continue;
            }
            expect(ours.breakdown.resolved?.catalogModel, `${p.id}/${name}`).toBe(theirs.model.id);
            const diff = Math.abs(ours.listCost.toNumber() - theirs.total_price);
            expect(
              diff,
              `${p.id}/${name} at ${timestamp.toISOString()}: ours ${ours.listCost.toFixed()} vs ${theirs.total_price}`,
            ).toBeLessThanOrEqual(1e-9 * Math.max(1, theirs.total_price));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(15_000);
  });
});

describe("model name resolution", () => {
  const cases: [string, string, string, string][] = [
    // provider, model as sent, catalog provider, catalog model
    ["openai", "gpt-4o-2024-08-06", "openai", "gpt-4o"],
    ["OpenAI", " GPT-4o ", "openai", "gpt-4o"],
    ["openai", "gpt-4o-mini-20240718", "openai", "gpt-4o-mini"],
    ["anthropic", "claude-3-5-sonnet-20241022", "anthropic", "claude-3-5-sonnet"],
    ["anthropic", "anthropic/claude-sonnet-4-20250514", "anthropic", "claude-sonnet-4-0"],
    ["litellm", "anthropic/claude-sonnet-4-20250514", "anthropic", "claude-sonnet-4-0"],
    ["bedrock", "anthropic.claude-3-5-sonnet-20241022-v2:0", "aws", "regional.anthropic.claude-3-5-sonnet-20241022-v2:0"],
    ["aws-bedrock", "us.anthropic.claude-sonnet-4-20250514-v1:0", "aws", "regional.anthropic.claude-sonnet-4-20250514-v1:0"],
    ["vertex_ai", "claude-3-5-sonnet-v2@20241022", "google", "claude-3-5-sonnet"],
    ["google", "gemini-2.5-pro", "google", "gemini-2.5-pro"],
    ["azure", "gpt-4o", "openai", "gpt-4o"],
    ["azure_openai", "gpt-4o-2024-11-20", "openai", "gpt-4o"],
  ];
  it.each(cases)("%s / %s → %s / %s", (provider, model, catalogProvider, catalogModel) => {
    const r = index.resolve(provider, model);
    expect(r?.model.providerId).toBe(catalogProvider);
    expect(r?.model.modelId).toBe(catalogModel);
  });

  it("does not guess: unknown names stay unknown", () => {
    expect(index.resolve("openai", "gpt-imaginary-9")).toBeNull();
    expect(index.resolve("my-gateway", "house-model-v2")).toBeNull();
    expect(index.resolve("openai", "")).toBeNull();
  });
});
