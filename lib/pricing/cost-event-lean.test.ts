import { beforeAll, describe, expect, it } from "vitest";
import { CatalogIndex } from "./catalog-index";
import { installedCatalog } from "./catalog-fixture.test-helper";
import type { ContractTerm } from "./contract-term";
import { costEvent, type EventCostInput } from "./cost-event";
import { costEventLean, type LeanCostInput } from "./cost-event-lean";
import { InconsistentUsageError } from "./cost-usage";
import { compilePlan, costUnits, formatUnits, unitsToDecimal } from "./exact-usd";
import { usdDecimalString, money } from "./money";
import type { PriceRow } from "./price-schemas";
import type { NormalizedUsage } from "./usage";

/**
 * The lean path must give priceEvents' numbers digit for digit. Checked against costEvent + usdDecimalString
 * on every model of the installed catalog (tiers, cache classes, reasoning, dated rows, time windows),
 * every workload class, token counts from 0 to 100M (both the double and the BigInt arithmetic), and
 * workspaces with discounts, custom prices (with tiers) and commitments.
 */

let index: CatalogIndex;
let names: { provider: string; model: string }[];
beforeAll(async () => {
  const c = await installedCatalog();
  index = c.index;
  names = c.data.models.map((m) => ({ provider: m.providerId, model: m.modelId }));
  // Context-tier thresholds and one past them: where the choice of tier flips.
  for (const row of c.data.rows) for (const t of row.tiers) SIZES.push(t.aboveInputTokens, t.aboveInputTokens + 1);
  SIZES.push(200_000, 200_001); // the custom price's tier below
  names.push(
    { provider: "azure", model: "gpt-4o-2024-11-20" },
    { provider: "acme", model: "unknown-model" },
    { provider: "openrouter", model: "openai/gpt-4o" },
  );
});

function rand(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const SIZES = [0, 1, 7, 999, 4_096, 123_457, 1_000_000, 9_999_999, 100_000_000];

function randomUsage(r: () => number): NormalizedUsage {
  const size = () => (r() < 0.6 ? Math.floor(r() * 20_000) : SIZES[Math.floor(r() * SIZES.length)]!);
  const inputTokens = size();
  const outputTokens = size();
  const cacheReadTokens = r() < 0.3 ? 0 : Math.floor(inputTokens * r() * 0.6);
  const cacheWriteTokens = Math.floor((inputTokens - cacheReadTokens) * r());
  return {
    inputTokens,
    outputTokens,
    cacheReadTokens,
    cacheWriteTokens,
    cacheWrite1hTokens: Math.floor(cacheWriteTokens * r()),
    reasoningTokens: Math.floor(outputTokens * r()),
  };
}

const term = (t: Partial<ContractTerm> & Pick<ContractTerm, "id" | "kind">): ContractTerm => ({
  name: `term ${t.id}`,
  provider: null,
  model: null,
  variant: null,
  discountPercent: null,
  plan: null,
  monthlyAmountUsd: null,
  effectiveFrom: new Date("2025-01-01T00:00:00Z"),
  effectiveTo: null,
  usdPerTokenByMonth: new Map(),
  ...t,
});

const CONTRACTS: ContractTerm[][] = [
  [],
  [term({ id: 1, kind: "discount", discountPercent: "12.5" })],
  [
    term({ id: 2, kind: "discount", discountPercent: "33.3333" }),
    term({ id: 3, kind: "discount", provider: "openai", discountPercent: "7" }),
  ],
  [
    term({
      id: 4,
      kind: "custom_price",
      provider: "anthropic",
      plan: {
        prices: { input: "1.1", output: "4.4444444444", cacheRead: "0.11" },
        tiers: [{ aboveInputTokens: 200_000, prices: { input: "2.2" } }],
      },
    }),
    term({ id: 5, kind: "discount", discountPercent: "10" }),
  ],
  [term({ id: 6, kind: "custom_price", model: "my-finetune", plan: { prices: { input: "0.3", output: "0.9" }, tiers: [] } })],
  [term({ id: 7, kind: "commitment", provider: "openai", usdPerTokenByMonth: new Map([["2026-10", "0.0000012345678"]]) })],
];

function expected(terms: ContractTerm[], input: EventCostInput) {
  try {
    const c = costEvent(index, terms, input);
    return {
      priced: c.priced,
      listCostUsd: usdDecimalString(c.listCost),
      effectiveCostUsd: usdDecimalString(c.effectiveCost),
      priceRowId: c.breakdown.priceRowId,
    };
  } catch (err) {
    return err;
  }
}

const leanInput = ({ timestamp, ...rest }: EventCostInput): LeanCostInput => ({ ...rest, timestampMs: timestamp.getTime() });

function lean(terms: ContractTerm[], input: EventCostInput) {
  try {
    return costEventLean(index, terms, leanInput(input));
  } catch (err) {
    return err;
  }
}

describe("costEventLean", () => {
  it("gives costEvent's costs for every catalog model, workload class and contract, at all token scales", () => {
    const r = rand(9);
    const start = Date.parse("2023-01-01T00:00:00Z");
    let priced = 0;
    let checked = 0;
    for (const terms of CONTRACTS) {
      for (const name of [...names, { provider: "acme", model: "my-finetune" }]) {
        for (let k = 0; k < 3; k++) {
          const input: EventCostInput = {
            ...name,
            timestamp: new Date(start + Math.floor(r() * 4 * 365 * 86_400_000)),
            usage: randomUsage(r),
            workloadClass: [null, "interactive", "batch", "opportunistic"][Math.floor(r() * 4)],
          };
          const want = expected(terms, input);
          expect(lean(terms, input), JSON.stringify(input)).toStrictEqual(want);
          checked++;
          if ((want as { priced?: boolean }).priced) priced++;
        }
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(priced).toBeGreaterThan(checked / 2);
  });

  it("picks costEvent's row for dated and time-of-day prices at any moment", () => {
    const r = rand(17);
    const special = index.providers.flatMap((p) =>
      p.models.filter((m) => m.rows.some((row) => row.utcWindow || row.effectiveTo)).map((m) => ({ provider: p.id, model: m.modelId })),
    );
    expect(special.length).toBeGreaterThan(3);
    const start = Date.parse("2023-01-01T00:00:00Z");
    for (const name of special) {
      for (let k = 0; k < 300; k++) {
        const input: EventCostInput = {
          ...name,
          timestamp: new Date(start + Math.floor(r() * 4 * 365 * 86_400_000)),
          usage: randomUsage(r),
        };
        expect(lean([], input), JSON.stringify(input)).toStrictEqual(expected([], input));
      }
    }
  });

  it("picks costEvent's row among overlapping, equal-precedence, windowed and variant rows, at the boundaries", () => {
    const row = (id: number, p: Partial<PriceRow>): PriceRow => ({
      id,
      providerId: "acme",
      modelId: "m",
      variant: "standard",
      precedence: 0,
      effectiveFrom: new Date("2024-01-01Z"),
      effectiveTo: null,
      utcWindow: null,
      otherPrices: {},
      catalogId: null,
      prices: { input: String(id), output: "1" },
      tiers: [],
      ...p,
    });
    const rows = [
      row(1, {}),
      row(2, { precedence: 1, effectiveFrom: new Date("2024-06-01Z"), effectiveTo: new Date("2025-01-01Z") }),
      row(3, { precedence: 1, effectiveFrom: new Date("2024-09-01Z") }), // ties with 2 on precedence: the later start wins
      row(4, { precedence: 2, utcWindow: { start: 3600, end: 7200 } }),
      row(5, { precedence: 3, utcWindow: { start: 82_800, end: 1800 } }), // wraps midnight
      row(6, { variant: "batch", effectiveFrom: new Date("2024-03-01Z") }),
      row(7, { variant: "batch", precedence: 1, effectiveFrom: new Date("2024-03-01Z"), effectiveTo: new Date("2024-04-01Z") }),
    ];
    const synthetic = new CatalogIndex([
      {
        id: "acme",
        name: "Acme",
        providerMatch: null,
        modelMatch: null,
        fallbackProviders: [],
        pricingUrls: [],
        models: [
          {
            providerId: "acme",
            modelId: "m",
            name: null,
            match: { equals: "m" },
            position: 0,
            contextWindow: null,
            priceComments: null,
            deprecated: false,
            rows,
          },
        ],
      },
    ]);
    const usage = {
      inputTokens: 1_000_000,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 0,
    };
    const moments: number[] = [];
    for (const day of [
      "2023-12-31",
      "2024-01-01",
      "2024-03-01",
      "2024-03-31",
      "2024-04-01",
      "2024-06-01",
      "2024-08-31",
      "2024-09-01",
      "2024-12-31",
      "2025-01-01",
    ]) {
      const midnight = Date.parse(`${day}T00:00:00Z`);
      for (const sec of [0, 1, 1799, 1800, 1801, 3599, 3600, 3601, 7199, 7200, 7201, 43_200, 82_799, 82_800, 82_801, 86_399]) {
        for (const extra of [-1, 0, 1, 999]) moments.push(midnight + sec * 1000 + extra);
      }
    }
    const picked = new Set<number | null>();
    for (const ms of moments) {
      for (const workloadClass of [null, "batch", "opportunistic"]) {
        const input: EventCostInput = { provider: "acme", model: "m", timestamp: new Date(ms), usage, workloadClass };
        const want = costEvent(synthetic, [], input);
        const got = costEventLean(synthetic, [], leanInput(input));
        expect(got.priceRowId, `${new Date(ms).toISOString()} ${workloadClass}`).toBe(want.breakdown.priceRowId);
        expect(got.listCostUsd).toBe(usdDecimalString(want.listCost));
        picked.add(got.priceRowId);
      }
    }
    expect([...picked].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, null].sort()); // every rule was exercised
  });

  it("throws costEvent's error for inconsistent usage, and leaves unknown models unpriced without throwing", () => {
    const bad: EventCostInput = {
      provider: "openai",
      model: "gpt-4o",
      timestamp: new Date("2026-11-10T12:00:00Z"),
      usage: { inputTokens: 5, outputTokens: 1, cacheReadTokens: 6, cacheWriteTokens: 0, cacheWrite1hTokens: 0, reasoningTokens: 0 },
    };
    expect(() => costEventLean(index, [], leanInput(bad))).toThrow(InconsistentUsageError);
    expect(costEventLean(index, [], leanInput({ ...bad, model: "nope" }))).toEqual({
      priced: false,
      listCostUsd: "0",
      effectiveCostUsd: "0",
      priceRowId: null,
    });
  });
});

describe("exact-usd", () => {
  it("rounds half up at 10 places exactly as decimal.js does, in doubles and in BigInt", () => {
    const plan = compilePlan({ prices: { input: "0.0000000001", output: "99999.9999999999" }, tiers: [] })!;
    const u = (inputTokens: number, outputTokens = 0): NormalizedUsage => ({
      inputTokens,
      outputTokens,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 0,
    });
    for (const tokens of [0, 1, 4_999, 5_000, 5_001, 15_000, 100_000_000]) {
      const units = costUnits(u(tokens), plan);
      expect(formatUnits(units)).toBe(usdDecimalString(money("0.0000000001").times(tokens).div(1_000_000)));
    }
    const big = costUnits(u(0, 100_000_000), plan);
    expect(typeof big).toBe("bigint");
    expect(formatUnits(big)).toBe("9999999.99999999");
    expect(unitsToDecimal(big)).toBe(money("99999.9999999999").times(100_000_000).div(1_000_000).toFixed(16));
    expect(unitsToDecimal(5)).toBe("0.0000000000000005");
  });

  it("leaves prices that are not canonical decimals to the decimal path", () => {
    expect(compilePlan({ prices: { input: "1e-7" }, tiers: [] })).toBeNull();
  });
});
