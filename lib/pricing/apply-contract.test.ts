import { beforeAll, describe, expect, it } from "vitest";
import type { CatalogIndex } from "./catalog-index";
import { installedCatalog } from "./catalog-fixture.test-helper";
import type { ContractTerm } from "./contract-term";
import { costEvent, type EventCostInput } from "./cost-event";
import { usdDecimalString } from "./money";

let index: CatalogIndex;
beforeAll(async () => {
  index = (await installedCatalog()).index;
});

const term = (t: Partial<ContractTerm> & Pick<ContractTerm, "id" | "kind">): ContractTerm => ({
  name: `term ${t.id}`,
  provider: null,
  model: null,
  variant: null,
  discountPercent: null,
  plan: null,
  monthlyAmountUsd: null,
  effectiveFrom: new Date("2026-01-01T00:00:00Z"),
  effectiveTo: null,
  usdPerTokenByMonth: new Map(),
  ...t,
});

const usage = {
  inputTokens: 1_000_000,
  outputTokens: 100_000,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  cacheWrite1hTokens: 0,
  reasoningTokens: 0,
};
const gpt4o: EventCostInput = { provider: "openai", model: "gpt-4o-2024-08-06", timestamp: new Date("2026-11-10T12:00:00Z"), usage };
// gpt-4o list: 1M × $2.50 + 100k × $10 = $3.50

function cost(terms: ContractTerm[], input: EventCostInput = gpt4o) {
  const c = costEvent(index, terms, input);
  return {
    priced: c.priced,
    list: usdDecimalString(c.listCost),
    effective: usdDecimalString(c.effectiveCost),
    termId: c.breakdown.contract?.termId ?? null,
  };
}

describe("contracts: list cost stays the catalog's, effective cost follows the contract", () => {
  it("no contract: effective = list", () => {
    expect(cost([])).toEqual({ priced: true, list: "3.5", effective: "3.5", termId: null });
  });

  it("the most specific discount wins (model over provider over workspace-wide)", () => {
    const all = term({ id: 1, kind: "discount", discountPercent: "5" });
    const openai = term({ id: 2, kind: "discount", provider: "openai", discountPercent: "10" });
    const model = term({ id: 3, kind: "discount", provider: "openai", model: "gpt-4o", discountPercent: "20" });
    expect(cost([all])).toMatchObject({ effective: "3.325", termId: 1 });
    expect(cost([all, openai])).toMatchObject({ effective: "3.15", termId: 2 });
    expect(cost([all, openai, model])).toMatchObject({ list: "3.5", effective: "2.8", termId: 3 });
  });

  it("scopes match the event's names and the catalog ids they resolve to (Azure selling OpenAI's gpt-4o)", () => {
    const t = term({ id: 4, kind: "discount", provider: "azure", model: "gpt-4o", discountPercent: "50" });
    expect(cost([t], { ...gpt4o, provider: "azure", model: "gpt-4o-2024-11-20" })).toMatchObject({ effective: "1.75", termId: 4 });
    expect(cost([t])).toMatchObject({ effective: "3.5", termId: null }); // the same model bought from OpenAI
  });

  it("terms only apply inside their effective window", () => {
    const t = term({
      id: 5,
      kind: "discount",
      discountPercent: "10",
      effectiveFrom: new Date("2026-11-01Z"),
      effectiveTo: new Date("2026-11-10T12:00:00Z"),
    });
    expect(cost([t])).toMatchObject({ effective: "3.5" }); // effectiveTo is exclusive
    expect(cost([t], { ...gpt4o, timestamp: new Date("2026-11-10T11:59:59Z") })).toMatchObject({ effective: "3.15" });
  });

  it("a custom price replaces the rate card; for a model the catalog does not know it is also the list", () => {
    const own = term({
      id: 6,
      kind: "custom_price",
      model: "acme-llama-70b-ft",
      plan: { prices: { input: "0.4", output: "0.8" }, tiers: [] },
    });
    expect(cost([own], { ...gpt4o, provider: "self-hosted", model: "acme-llama-70b-ft" })).toEqual({
      priced: true,
      list: "0.48",
      effective: "0.48",
      termId: 6,
    });
    const negotiated = term({
      id: 7,
      kind: "custom_price",
      provider: "openai",
      model: "gpt-4o",
      plan: { prices: { input: "2", output: "8" }, tiers: [] },
    });
    const discount = term({ id: 8, kind: "discount", discountPercent: "50" });
    expect(cost([negotiated, discount])).toEqual({ priced: true, list: "3.5", effective: "2.8", termId: 7 });
  });

  it("a commitment allocates at the month's rate and covers models the catalog does not know", () => {
    const pool = term({
      id: 9,
      kind: "commitment",
      provider: "on-prem",
      monthlyAmountUsd: "1000",
      usdPerTokenByMonth: new Map([["2026-11", "0.000002"]]),
    });
    expect(cost([pool], { ...gpt4o, provider: "on-prem", model: "llama-3-70b" })).toEqual({
      priced: true,
      list: "0",
      effective: "2.2",
      termId: 9,
    });
    // Before the first allocation of a month, the latest known month's rate is used provisionally.
    expect(cost([pool], { ...gpt4o, provider: "on-prem", model: "llama-3-70b", timestamp: new Date("2026-12-02Z") })).toMatchObject({
      effective: "2.2",
    });
  });

  it("an unknown model with only a discount stays unpriced", () => {
    expect(cost([term({ id: 10, kind: "discount", discountPercent: "10" })], { ...gpt4o, model: "gpt-imaginary-9" })).toEqual({
      priced: false,
      list: "0",
      effective: "0",
      termId: null,
    });
  });

  it("batch work uses batch-only terms", () => {
    const batch = term({ id: 11, kind: "discount", provider: "openai", variant: "batch", discountPercent: "50" });
    expect(cost([batch])).toMatchObject({ effective: "3.5" });
    expect(cost([batch], { ...gpt4o, workloadClass: "batch" })).toMatchObject({ effective: "1.75", termId: 11 });
  });
});
