import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getContract } from "@/app/api/v1/contracts/[id]/route";
import { GET as listContracts, POST as postContract } from "@/app/api/v1/contracts/route";
import { GET as getPrices } from "@/app/api/v1/prices/route";
import { POST as postQuote } from "@/app/api/v1/prices/quote/route";
import { GET as getUnknown } from "@/app/api/v1/prices/unknown-models/route";
import { GET as getRun } from "@/app/api/v1/repricing/[id]/route";
import { GET as listRuns } from "@/app/api/v1/repricing/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Database } from "@/lib/db/open-database";
import { useDatabaseForRoutes } from "@/lib/ingest/testing/serve-route-handlers";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { insertPricedEvents } from "./pricing-events.test-helper";
import { createContractTerm } from "./save-contract-term";
import { runRepricing } from "./run-repricing";

let db: Database;
let key: string;
let workspaceId: number;
let userId: number;
beforeAll(async () => {
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  const ws = await db.prisma.workspace.create({ data: { slug: uid("api"), name: "pricing api" } });
  workspaceId = ws.id;
  userId = (await db.prisma.user.create({ data: { email: `${uid("u")}@example.com`, passwordHash: "x" } })).id;
  key = (await createApiKey(db.prisma, { workspaceId, name: "read", scopes: ["read"] })).secret;
});
afterAll(async () => {
  await db?.close();
});

type Handler = (req: Request, ctx?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, path: string, init: { method?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const req = new Request(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${key}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const res = await handler(req, { params: Promise.resolve(init.params ?? {}) });
  return { status: res.status, body: await res.json() };
}

describe("POST /api/v1/prices/quote", () => {
  it("quotes contract-shaped usage with a per-class breakdown in decimal strings", async () => {
    const r = await call(postQuote, "/api/v1/prices/quote", {
      method: "POST",
      body: {
        provider: "anthropic",
        model: "claude-sonnet-4-20250514",
        timestamp: "2026-11-10T12:00:00Z",
        usage: { inputTokens: 30_050, outputTokens: 500, cacheReadTokens: 20_000, cacheWriteTokens: 10_000 },
      },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ priced: true, listCost: "0.05115", effectiveCost: "0.05115", currency: "USD" });
    expect(r.body.breakdown.lines).toContainEqual({ tokenClass: "cacheRead", tokens: 20_000, perMtok: "0.3", cost: "0.006" });
  });

  it("quotes a provider usage object (usageFormat) the same as the contract shape", async () => {
    const anthropic = await call(postQuote, "/api/v1/prices/quote", {
      method: "POST",
      body: {
        provider: "anthropic",
        model: "claude-sonnet-4-20250514",
        usageFormat: "anthropic",
        usage: { input_tokens: 50, cache_creation_input_tokens: 10_000, cache_read_input_tokens: 20_000, output_tokens: 500 },
      },
    });
    expect(anthropic.body).toMatchObject({ priced: true, listCost: "0.05115" });
  });

  it("answers priced:false for an unknown model, and 400 for bad usage", async () => {
    const unknown = await call(postQuote, "/api/v1/prices/quote", {
      method: "POST",
      body: { provider: "openai", model: "gpt-imaginary-9", usage: { inputTokens: 10, outputTokens: 1 } },
    });
    expect(unknown.body).toMatchObject({ priced: false, listCost: "0", effectiveCost: "0", currency: "USD" });
    expect(unknown.body.breakdown.unpricedReason).toBe("unknown_model");
    const bad = await call(postQuote, "/api/v1/prices/quote", {
      method: "POST",
      body: { provider: "openai", model: "gpt-4o", usage: { inputTokens: 10, outputTokens: 1, cacheReadTokens: 11 } },
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, "invalid_body"]);
    const missing = await call(postQuote, "/api/v1/prices/quote", { method: "POST", body: { model: "gpt-4o", usage: {} } });
    expect([missing.status, missing.body.error.code]).toEqual([400, "invalid_body"]);
  });
});

describe("GET /api/v1/prices", () => {
  it("returns the rows in force at a time, with how the name resolved", async () => {
    const r = await call(getPrices, "/api/v1/prices?provider=openai&model=o3-2025-04-16&at=2025-01-01T00:00:00Z");
    expect(r.status).toBe(200);
    expect(r.body.resolved).toMatchObject({ catalogProvider: "openai", catalogModel: "o3" });
    expect(r.body.catalog.version).toMatch(/^\d+\.\d+\.\d+$/);
    const applying = r.body.rows.filter((x: { appliesAt: boolean }) => x.appliesAt);
    expect(applying).toHaveLength(1);
    expect(applying[0].perMillionTokens).toMatchObject({ input: "10", output: "40" });
    const later = await call(getPrices, "/api/v1/prices?provider=openai&model=o3&at=2026-01-01T00:00:00Z");
    expect(later.body.rows.find((x: { appliesAt: boolean }) => x.appliesAt).perMillionTokens).toMatchObject({ input: "2", output: "8" });
  });

  it("lists a provider's models and refuses an empty query", async () => {
    const r = await call(getPrices, "/api/v1/prices?provider=anthropic");
    expect(r.body.models.length).toBeGreaterThan(10);
    expect((await call(getPrices, "/api/v1/prices")).status).toBe(400);
    expect((await call(getPrices, "/api/v1/prices?provider=nope-cloud")).status).toBe(404);
  });
});

describe("unknown models, contracts and re-pricing runs", () => {
  it("lists unknown models with their event counts", async () => {
    const ts = new Date(Date.now() - 3_600_000);
    await insertPricedEvents(db, workspaceId, [
      { ts, provider: "acme", model: "house-model", usage: { inputTokens: 5, outputTokens: 5 } },
      { ts, provider: "acme", model: "house-model", usage: { inputTokens: 5, outputTokens: 5 } },
      { ts, provider: "openai", model: "gpt-4o", usage: { inputTokens: 5, outputTokens: 5 } },
    ]);
    const r = await call(getUnknown, "/api/v1/prices/unknown-models");
    expect(r.body.totalEvents).toBe(2);
    expect(r.body.models).toEqual([expect.objectContaining({ provider: "acme", model: "house-model", events: 2 })]);
  });

  it("lists contracts and runs; a read key may not manage (that takes a session or a manage key)", async () => {
    const saved = await createContractTerm(
      db,
      { workspaceId, actor: { kind: "user", userId, role: "finance" } },
      {
        kind: "custom_price",
        name: "house",
        provider: "acme",
        model: "house-model",
        prices: { input: "1", output: "2" },
        effectiveFrom: "2026-01-01T00:00:00Z",
      },
    );
    await runRepricing(db, saved.repricingRunId!);
    const list = await call(listContracts, "/api/v1/contracts");
    expect(list.body.terms).toEqual([
      expect.objectContaining({ id: saved.termId, kind: "custom_price", prices: { input: "1", output: "2" } }),
    ]);
    expect((await call(getContract, `/api/v1/contracts/${saved.termId}`, { params: { id: String(saved.termId) } })).body.term.name).toBe(
      "house",
    );
    expect((await call(getContract, "/api/v1/contracts/999999999", { params: { id: "999999999" } })).status).toBe(404);
    expect((await call(getContract, "/api/v1/contracts/abc", { params: { id: "abc" } })).status).toBe(404);

    const runs = await call(listRuns, "/api/v1/repricing");
    expect(runs.body.runs[0]).toMatchObject({
      id: saved.repricingRunId,
      status: "succeeded",
      eventsTouched: 2,
      effectiveTotal: { old: "0.0000625", new: "0.0000925" },
    }); // window totals: gpt-4o 0.0000625 + 2 × 0.000015
    const one = await call(getRun, `/api/v1/repricing/${saved.repricingRunId}`, { params: { id: String(saved.repricingRunId) } });
    expect(one.body.run.progress).toMatchObject({ percent: 100 });

    const post = await call(postContract, "/api/v1/contracts", {
      method: "POST",
      body: { kind: "discount", name: "x", discountPercent: "5", effectiveFrom: "2026-01-01" },
    });
    expect([post.status, post.body.error.code]).toEqual([403, "forbidden"]);
    // The unknown model is now priced by the custom price: it leaves the unknown list.
    expect((await call(getUnknown, "/api/v1/prices/unknown-models")).body.totalEvents).toBe(0);
  });
});
