import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { priceEvents, type PricingInput } from "./price-events";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function workspace() {
  return db.prisma.workspace.create({ data: { slug: uid("w"), name: "pricing test" } });
}

const usage = (inputTokens: number, outputTokens: number, extra: Partial<PricingInput["usage"]> = {}) => ({
  inputTokens,
  outputTokens,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  cacheWrite1hTokens: 0,
  reasoningTokens: 0,
  ...extra,
});
const at = new Date("2026-11-10T12:00:00Z");

describe("priceEvents", () => {
  it("costs known models from the catalog, resolving snapshots, prefixes and cloud names", async () => {
    const ws = await workspace();
    const out = await priceEvents(db, ws.id, [
      { provider: "openai", model: "gpt-4o-2024-08-06", timestamp: at, usage: usage(1_000_000, 1_000_000) },
      { provider: "anthropic", model: "anthropic/claude-sonnet-4-20250514", timestamp: at, usage: usage(1000, 100) },
      { provider: "bedrock", model: "us.anthropic.claude-sonnet-4-20250514-v1:0", timestamp: at, usage: usage(1000, 100) },
      { provider: "vertex", model: "claude-3-5-sonnet-v2@20241022", timestamp: at, usage: usage(1000, 100) },
      { provider: "azure", model: "gpt-4o", timestamp: at, usage: usage(1000, 100) },
      { provider: "openai", model: "gpt-4o-mini-20240718", timestamp: at, usage: usage(1_000_000, 0) },
    ]);
    // gpt-4o: $2.50 in + $10 out per 1M tokens.
    expect(out[0]).toMatchObject({ priced: true, listCostUsd: "12.5", effectiveCostUsd: "12.5" });
    // Claude Sonnet 4: $3 in / $15 out → 0.003 + 0.0015.
    for (const r of out.slice(1, 4)) expect(r).toMatchObject({ priced: true, listCostUsd: "0.0045" });
    expect(out[4]).toMatchObject({ priced: true, listCostUsd: "0.0035" });
    expect(out[5]).toMatchObject({ priced: true, listCostUsd: "0.15" });
    expect(out[0]!.breakdown.resolved?.catalogModel).toBe("gpt-4o");
  });

  it("prices an unknown model at zero and flags it", async () => {
    const ws = await workspace();
    const [r] = await priceEvents(db, ws.id, [{ provider: "openai", model: "gpt-imaginary-9", timestamp: at, usage: usage(10, 10) }]);
    expect(r).toMatchObject({ priced: false, listCostUsd: "0", effectiveCostUsd: "0", priceRowId: null });
    expect(r!.breakdown.unpricedReason).toBe("unknown_model");
  });

  it("applies a workspace discount to the effective cost only, and sees contract changes at once", async () => {
    const ws = await workspace();
    const input: PricingInput = { provider: "openai", model: "gpt-4o", timestamp: at, usage: usage(1_000_000, 0), reportedCostUsd: "2.4" };
    const [before] = await priceEvents(db, ws.id, [input]);
    expect(before).toMatchObject({ listCostUsd: "2.5", effectiveCostUsd: "2.5", reportedCostUsd: "2.4" });
    await db.prisma.contractTerm.create({
      data: {
        workspaceId: ws.id,
        kind: "discount",
        name: "EA",
        provider: "openai",
        discountPercent: "12.5",
        effectiveFrom: new Date("2026-01-01Z"),
      },
    });
    const [after] = await priceEvents(db, ws.id, [input]);
    expect(after).toMatchObject({ priced: true, listCostUsd: "2.5", effectiveCostUsd: "2.1875" });
    const other = await workspace();
    const [untouched] = await priceEvents(db, other.id, [input]);
    expect(untouched!.effectiveCostUsd).toBe("2.5");
  });
});
