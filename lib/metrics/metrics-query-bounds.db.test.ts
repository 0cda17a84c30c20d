import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/metrics/query/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Database } from "@/lib/db/open-database";
import { useDatabaseForRoutes } from "@/lib/ingest/testing/serve-route-handlers";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";

/**
 * Inputs PostgreSQL itself would refuse (a NUL in text: 22021; a year 0 timestamp: 22008) are refused
 * by the query schema with a 400 naming the field, instead of reaching the database and becoming a 500.
 */
let db: Database;
let key: string;

beforeAll(async () => {
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  const ws = await db.prisma.workspace.create({ data: { slug: uid("bounds"), name: "bounds" } });
  key = (await createApiKey(db.prisma, { workspaceId: ws.id, name: "read", scopes: ["read"] })).secret;
});
afterAll(async () => {
  await db?.close();
});

const query = (body: unknown) =>
  POST(
    new Request("http://localhost/api/v1/metrics/query", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    }),
  );
const valid = { from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z", measures: ["requests"], dimensions: ["tenant"] };

/** 400 invalid_body whose details name (at least) each of the fields. */
async function expect400(body: unknown, paths: string[]) {
  const r = await query(body);
  const json = (await r.json()) as { error: { code: string; details?: { path: string; message: string }[] } };
  expect({ status: r.status, code: json.error.code }).toEqual({ status: 400, code: "invalid_body" });
  expect(json.error.details?.map((d) => d.path)).toEqual(expect.arrayContaining(paths));
}

describe("POST /api/v1/metrics/query input bounds", () => {
  it("answers a valid query (the baseline of the cases below)", async () => {
    expect((await query({ ...valid, filters: { tenant: ["acme"] } })).status).toBe(200);
  });

  it("refuses a NUL character in a filter value with 400 naming the value", async () => {
    await expect400({ ...valid, filters: { tenant: ["acme\u0000"] } }, ["filters.tenant.0"]);
    await expect400({ ...valid, filters: { model: ["gpt-4o", "\u0000"] } }, ["filters.model.1"]);
  });

  it("refuses from/to outside a sane range (years 0000, 0001, 9999) with 400 naming the field", async () => {
    await expect400({ ...valid, from: "0000-01-01T00:00:00Z", to: "0000-01-02T00:00:00Z" }, ["from", "to"]);
    await expect400({ ...valid, from: "0001-01-01T00:00:00Z", to: "0001-01-02T00:00:00Z" }, ["from", "to"]);
    await expect400({ ...valid, from: "0001-01-01T00:00:00+14:00", to: "2026-11-02T00:00:00Z" }, ["from"]);
    await expect400({ ...valid, from: "9999-12-30T00:00:00Z", to: "9999-12-31T00:00:00Z" }, ["from", "to"]);
  });
});
