import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Database } from "@/lib/db/open-database";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { sampleEvents } from "./sample-events";
import { serveRouteHandlers, useDatabaseForRoutes } from "./testing/serve-route-handlers";

/**
 * Issue 10 item 1: a ~220-byte event whose costUsd is a decimal string with a huge exponent made
 * decimal.js write out a 100M-character string (event loop blocked for seconds, gigabytes of heap; the
 * 3e8 one killed the process with a heap out-of-memory). Sent over real HTTP to the real route handler.
 */
let db: Database;
let server: Awaited<ReturnType<typeof serveRouteHandlers>>;
let ingestKey: string;

beforeAll(async () => {
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  const ws = await db.prisma.workspace.create({ data: { slug: uid("bomb"), name: "decimal bomb" } });
  ingestKey = (await createApiKey(db.prisma, { workspaceId: ws.id, name: "ingest", scopes: ["ingest"] })).secret;
  server = await serveRouteHandlers({ "/api/v1/events": POST });
  // A running server: the first request loads the route's modules and the price catalog (seconds on a
  // busy machine), which is not what the one-second bound below is about.
  expect((await send(JSON.stringify({ events: sampleEvents(1) }))).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

function send(body: string) {
  return fetch(`${server.url}/api/v1/events`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", authorization: `Bearer ${ingestKey}` },
  });
}

/** The attacker's event: small and otherwise valid. */
function bomb(costUsd: string): string {
  const event = {
    id: uid("e"),
    timestamp: new Date(Date.now() - 60_000).toISOString(),
    provider: "openai",
    model: "gpt-4o-mini",
    status: "ok",
    usage: { inputTokens: 10, outputTokens: 2 },
    latencyMs: 120,
    costUsd,
  };
  return JSON.stringify({ events: [event] });
}

describe("a decimal string with a huge exponent (issue 10, item 1)", () => {
  it.each(["1e-100000000", "1e-300000000"])("costUsd %s: 400 invalid_cost within a second, and the server keeps serving", async (cost) => {
    const body = bomb(cost);
    expect(body.length).toBeLessThan(260);
    const started = performance.now();
    const r = await send(body);
    const elapsed = performance.now() - started;
    expect(r.status).toBe(400);
    const answer = await r.json();
    expect(answer.rejected).toEqual([{ index: 0, code: "invalid_cost", message: expect.stringContaining("costUsd") }]);
    // The acceptance criterion itself (issue 10): refused at once, not after building the number.
    expect(elapsed).toBeLessThan(1000);

    const next = await send(JSON.stringify({ events: sampleEvents(1) }));
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });
});
