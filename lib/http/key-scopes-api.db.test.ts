import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteContract, GET as getContract, PUT as putContract } from "@/app/api/v1/contracts/[id]/route";
import { GET as listContracts, POST as postContract } from "@/app/api/v1/contracts/route";
import { POST as createKey } from "@/app/api/v1/keys/route";
import { GET as listRuns, POST as postRepricing } from "@/app/api/v1/repricing/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { ApiKeyScope } from "@/lib/auth/api-key-secret";
import type { Database } from "@/lib/db/open-database";
import { useDatabaseForRoutes } from "@/lib/ingest/testing/serve-route-handlers";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";

/**
 * Management APIs with API keys: a `manage` key manages pricing/contracts, a `read` key only reads
 * them, an `ingest` key does neither, and no key, whatever its scopes, manages keys.
 */
let db: Database;
let workspaceId: number;
const secrets = {} as Record<"manage" | "read" | "ingest" | "all", string>;
const keyIds = {} as Record<keyof typeof secrets, number>;

beforeAll(async () => {
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  workspaceId = (await db.prisma.workspace.create({ data: { slug: uid("scopes"), name: "scopes" } })).id;
  const make = async (name: keyof typeof secrets, scopes: string[]) => {
    // Created at the storage layer so this file runs on the old code too (its scope list knew no `manage`).
    const k = await createApiKey(db.prisma, { workspaceId, name, scopes: scopes as ApiKeyScope[] });
    secrets[name] = k.secret;
    keyIds[name] = k.id;
  };
  await make("manage", ["manage"]);
  await make("read", ["read"]);
  await make("ingest", ["ingest"]);
  await make("all", ["ingest", "read", "manage"]);
});
afterAll(async () => {
  await db?.close();
});

type Handler = (req: Request, ctx?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
async function call(
  key: keyof typeof secrets,
  handler: Handler,
  path: string,
  init: { method?: string; body?: unknown; id?: number } = {},
) {
  const req = new Request(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${secrets[key]}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const res = await handler(req, { params: Promise.resolve<Record<string, string>>(init.id === undefined ? {} : { id: String(init.id) }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const discount = (name: string) => ({ kind: "discount", name, discountPercent: "5", effectiveFrom: "2026-01-01T00:00:00Z" });

describe("API key scopes on the management APIs", () => {
  it("a manage key creates, updates and deletes a contract term, and the change is attributed to the key", async () => {
    const created = await call("manage", postContract, "/api/v1/contracts", { method: "POST", body: discount("from automation") });
    expect(created.status).toBe(201);
    const id = created.body.term.id as number;
    expect(created.body.term).toMatchObject({ kind: "discount", name: "from automation" });
    const row = await db.prisma.contractTerm.findUniqueOrThrow({ where: { id } });
    expect([row.createdById, row.createdByKeyId]).toEqual([null, keyIds.manage]);
    const run = await db.prisma.repricingRun.findUniqueOrThrow({ where: { id: created.body.repricingRunId } });
    expect([run.requestedById, run.requestedByKeyId]).toEqual([null, keyIds.manage]);

    const updated = await call("manage", putContract, `/api/v1/contracts/${id}`, { method: "PUT", body: discount("renamed"), id });
    expect([updated.status, updated.body.term.name]).toEqual([200, "renamed"]);
    const deleted = await call("manage", deleteContract, `/api/v1/contracts/${id}`, { method: "DELETE", id });
    expect([deleted.status, deleted.body.deleted]).toEqual([200, id]);
  });

  it("a manage key requests a manual re-pricing", async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const r = await call("manage", postRepricing, "/api/v1/repricing", {
      method: "POST",
      body: { from, to: new Date().toISOString(), reason: "catalog update" },
    });
    expect(r.status).toBe(202);
    expect(r.body.run).toMatchObject({ reason: "manual: catalog update", requestedById: null, requestedByKeyId: keyIds.manage });
  });

  it("a read key reads contracts and runs (200) but may not create, change or re-price (403)", async () => {
    const term = (await call("all", postContract, "/api/v1/contracts", { method: "POST", body: discount("read me") })).body.term;
    expect((await call("read", listContracts, "/api/v1/contracts")).status).toBe(200);
    expect((await call("read", getContract, `/api/v1/contracts/${term.id}`, { id: term.id })).body.term.name).toBe("read me");
    expect((await call("read", listRuns, "/api/v1/repricing")).status).toBe(200);
    const before = await db.prisma.contractTerm.count({ where: { workspaceId } });
    for (const [what, r] of [
      ["create", await call("read", postContract, "/api/v1/contracts", { method: "POST", body: discount("nope") })],
      ["update", await call("read", putContract, `/api/v1/contracts/${term.id}`, { method: "PUT", body: discount("nope"), id: term.id })],
      ["delete", await call("read", deleteContract, `/api/v1/contracts/${term.id}`, { method: "DELETE", id: term.id })],
      [
        "re-price",
        await call("read", postRepricing, "/api/v1/repricing", {
          method: "POST",
          body: { from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", reason: "x" },
        }),
      ],
    ] as const) {
      expect({ what, status: r.status, code: r.body.error.code }).toEqual({ what, status: 403, code: "forbidden" });
    }
    expect(await db.prisma.contractTerm.count({ where: { workspaceId } })).toBe(before);
  });

  it("an ingest key neither reads nor manages contracts (403 on both)", async () => {
    const read = await call("ingest", listContracts, "/api/v1/contracts");
    const create = await call("ingest", postContract, "/api/v1/contracts", { method: "POST", body: discount("nope") });
    expect([read.status, read.body.error.code]).toEqual([403, "forbidden"]);
    expect([create.status, create.body.error.code]).toEqual([403, "forbidden"]);
  });

  it("a manage key alone does not read (manage grants management permissions, read grants reads)", async () => {
    const r = await call("manage", listContracts, "/api/v1/contracts");
    expect([r.status, r.body.error.code]).toEqual([403, "forbidden"]);
  });

  it("no key mints keys: POST /api/v1/keys is 403 even with every scope", async () => {
    const before = await db.prisma.apiKey.count({ where: { workspaceId } });
    for (const key of ["manage", "all"] as const) {
      const r = await call(key, createKey, "/api/v1/keys", { method: "POST", body: { name: "minted", scopes: ["manage"] } });
      expect({ key, status: r.status, code: r.body.error.code }).toEqual({ key, status: 403, code: "forbidden" });
    }
    expect(await db.prisma.apiKey.count({ where: { workspaceId } })).toBe(before);
  });
});
