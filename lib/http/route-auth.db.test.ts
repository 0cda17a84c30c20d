import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as revokeKey } from "@/app/api/v1/keys/[id]/route";
import { GET as listKeys, POST as createKey } from "@/app/api/v1/keys/route";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import type { Database } from "@/lib/db/open-database";
import { useDatabaseForRoutes } from "@/lib/ingest/testing/serve-route-handlers";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";

/**
 * API keys on session-only routes (keys management): a key that is unknown, revoked or malformed is
 * not a credential at all (401, like on every other route); a valid key is the wrong kind of
 * credential (403, sign in). (A signed-in session needs a real request scope: e2e tier.)
 */
let db: Database;
let valid: string;
let revoked: string;

beforeAll(async () => {
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  const ws = await db.prisma.workspace.create({ data: { slug: uid("auth"), name: "auth" } });
  valid = (await createApiKey(db.prisma, { workspaceId: ws.id, name: "valid", scopes: ["ingest", "read"] })).secret;
  const r = await createApiKey(db.prisma, { workspaceId: ws.id, name: "revoked", scopes: ["read"] });
  await revokeApiKey(db.prisma, ws.id, r.id);
  revoked = r.secret;
});
afterAll(async () => {
  await db?.close();
});

const calls = {
  "GET /api/v1/keys": (auth: string) => listKeys(new Request("http://localhost/api/v1/keys", { headers: { authorization: auth } })),
  "POST /api/v1/keys": (auth: string) =>
    createKey(
      new Request("http://localhost/api/v1/keys", {
        method: "POST",
        headers: { authorization: auth, "content-type": "application/json" },
        body: JSON.stringify({ name: "x", scopes: ["read"] }),
      }),
    ),
  "DELETE /api/v1/keys/1": (auth: string) =>
    revokeKey(new Request("http://localhost/api/v1/keys/1", { method: "DELETE", headers: { authorization: auth } }), {
      params: Promise.resolve({ id: "1" }),
    }),
};

async function statusOf(call: (auth: string) => Promise<Response>, auth: string) {
  const r = await call(auth);
  return { status: r.status, code: ((await r.json()) as { error: { code: string } }).error.code };
}

describe("API keys on session-only routes", () => {
  it("answers 401 for an unknown, revoked or malformed key", async () => {
    const unknown = valid.slice(0, -4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
    for (const [name, call] of Object.entries(calls)) {
      for (const [what, auth] of [
        ["unknown", `Bearer ${unknown}`],
        ["revoked", `Bearer ${revoked}`],
        ["malformed", "Bearer not-a-key"],
      ]) {
        expect({ name, what, ...(await statusOf(call, auth!)) }).toEqual({ name, what, status: 401, code: "unauthorized" });
      }
    }
  });

  it("answers 403 for a valid key: these routes need a signed-in user", async () => {
    for (const [name, call] of Object.entries(calls)) {
      expect({ name, ...(await statusOf(call, `Bearer ${valid}`)) }).toEqual({ name, status: 403, code: "forbidden" });
    }
  });
});
