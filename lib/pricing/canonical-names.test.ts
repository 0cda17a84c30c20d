import { beforeAll, describe, expect, it } from "vitest";
import { installedCatalog } from "./catalog-fixture.test-helper";
import type { CatalogIndex } from "./catalog-index";
import { canonicalModel, canonicalProvider, providerAliasEntries, semconvOnlyAliasEntries } from "./canonical-names";
import type { ContractTerm } from "./contract-term";
import { costEvent } from "./cost-event";
import { usdDecimalString } from "./money";

let index: CatalogIndex;
beforeAll(async () => {
  index = (await installedCatalog()).index;
});

describe("canonicalProvider", () => {
  it("merges Vertex AI, the Gemini API and google into one vendor, lower-cased and trimmed", () => {
    for (const raw of ["vertex_ai", "gcp.vertex_ai", "google", "Vertex_AI", " gcp.gemini ", "vertex", "gemini"]) {
      expect(canonicalProvider(raw)).toBe("google");
    }
    expect(canonicalProvider("MyGateway")).toBe("mygateway");
  });

  it("keeps resellers with a price list of their own distinct from the model maker", () => {
    expect(canonicalProvider("bedrock")).toBe("aws");
    expect(canonicalProvider("aws.bedrock")).toBe("aws");
    expect(canonicalProvider("azure_openai")).toBe("azure");
    expect(canonicalProvider("anthropic")).toBe("anthropic");
    expect(canonicalProvider("openai")).toBe("openai");
  });

  it("is idempotent: a canonical name is its own canonical name", () => {
    for (const [, c] of [...providerAliasEntries(), ...semconvOnlyAliasEntries()]) {
      expect(canonicalProvider(c)).toBe(c);
      expect(canonicalProvider(c, { semconv: true })).toBe(c);
    }
  });

  it("is price-neutral: the catalog resolves every alias to the provider it resolves the canonical name to", () => {
    for (const [raw, c] of providerAliasEntries()) {
      expect({ raw, provider: index.resolveProvider(raw)?.id ?? null }).toEqual({ raw, provider: index.resolveProvider(c)?.id ?? null });
    }
  });

  it("names a catalog provider by its catalog id, the name contract terms and the breakdown use", () => {
    for (const [, c] of providerAliasEntries()) {
      const p = index.resolveProvider(c);
      if (p) expect({ c, id: p.id }).toEqual({ c, id: c });
    }
  });

  it("applies the OpenTelemetry-only names on OTLP alone, because REST priced them differently", () => {
    for (const [raw, c] of semconvOnlyAliasEntries()) {
      expect(canonicalProvider(raw)).toBe(raw);
      expect(canonicalProvider(raw, { semconv: true })).toBe(c);
      // Why they are not in the shared table: the catalog alone resolves the raw name elsewhere.
      expect(index.resolveProvider(raw)?.id ?? null).not.toBe(index.resolveProvider(c)?.id ?? null);
    }
  });
});

describe("canonicalModel", () => {
  it("shows the provider-prefix form as the model family the catalog resolves it to", () => {
    expect(canonicalModel(index, "anthropic", "anthropic/claude-3-5-haiku")).toBe("claude-3-5-haiku");
    expect(canonicalModel(index, "google", "vertex_ai/gemini-2.0-flash")).toBe("gemini-2.0-flash");
  });

  it("keeps names the catalog does not resolve, and prefixes naming another vendor", () => {
    expect(canonicalModel(index, "anthropic", "anthropic/my-fine-tune")).toBe("anthropic/my-fine-tune");
    expect(canonicalModel(index, "openrouter", "anthropic/claude-3-5-haiku")).toBe("anthropic/claude-3-5-haiku");
    expect(canonicalModel(index, "aws", "anthropic/claude-3-5-haiku")).toBe("anthropic/claude-3-5-haiku");
    expect(canonicalModel(index, "anthropic", "claude-3-5-haiku")).toBe("claude-3-5-haiku");
  });
});

describe("cost of a canonicalised event", () => {
  const usage = {
    inputTokens: 120_000,
    outputTokens: 3_000,
    cacheReadTokens: 20_000,
    cacheWriteTokens: 0,
    cacheWrite1hTokens: 0,
    reasoningTokens: 0,
  };
  const timestamp = new Date("2026-11-20T10:00:00Z");
  const cost = (provider: string, model: string, terms: ContractTerm[] = []) => {
    const c = costEvent(index, terms, { provider, model, timestamp, usage });
    return {
      priced: c.priced,
      list: usdDecimalString(c.listCost),
      effective: usdDecimalString(c.effectiveCost),
      row: c.breakdown.priceRowId,
      term: c.breakdown.contract?.termId ?? null,
    };
  };
  const discount = (id: number, scope: { provider?: string; model?: string }): ContractTerm => ({
    id,
    kind: "discount",
    name: `term ${id}`,
    provider: scope.provider ?? null,
    model: scope.model ?? null,
    variant: null,
    discountPercent: "20",
    plan: null,
    monthlyAmountUsd: null,
    effectiveFrom: new Date("2026-01-01T00:00:00Z"),
    effectiveTo: null,
    usdPerTokenByMonth: new Map(),
  });

  it("is unchanged for Vertex events: the raw name and the canonical one cost the same, and not zero", () => {
    for (const raw of ["vertex_ai", "gcp.vertex_ai", "vertex", "Vertex_AI"]) {
      const before = cost(raw, "gemini-2.0-flash");
      expect(before.priced).toBe(true);
      expect(cost(canonicalProvider(raw), "gemini-2.0-flash")).toEqual(before);
    }
  });

  it("is unchanged for a prefixed model shown as its family", () => {
    const before = cost("anthropic", "anthropic/claude-3-5-haiku");
    expect(before.priced).toBe(true);
    expect(cost("anthropic", canonicalModel(index, "anthropic", "anthropic/claude-3-5-haiku"))).toEqual(before);
  });

  it("is unchanged for every alias of the table on a model of its vendor", () => {
    for (const [raw, c] of providerAliasEntries()) {
      const p = index.resolveProvider(c);
      const model = p?.models[0]?.modelId ?? "gpt-4o";
      expect({ raw, ...cost(canonicalProvider(raw), model) }).toEqual({ raw, ...cost(raw, model) });
    }
  });

  it("keeps a contract term written for an alias applying to the events now stored under the canonical names", () => {
    const vertex = [discount(1, { provider: "vertex_ai" })];
    const before = cost("vertex_ai", "gemini-2.0-flash", vertex);
    expect(before.term).toBe(1);
    expect(cost(canonicalProvider("vertex_ai"), "gemini-2.0-flash", vertex)).toEqual(before);

    const prefixed = [discount(2, { provider: "anthropic", model: "anthropic/claude-3-5-haiku" })];
    const was = cost("anthropic", "anthropic/claude-3-5-haiku", prefixed);
    expect(was.term).toBe(2);
    expect(cost("anthropic", canonicalModel(index, "anthropic", "anthropic/claude-3-5-haiku"), prefixed)).toEqual(was);
  });
});
