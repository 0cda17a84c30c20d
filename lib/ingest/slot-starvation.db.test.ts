import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Database } from "@/lib/db/open-database";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { sampleEvents } from "./sample-events";
import { serveRouteHandlers, useDatabaseForRoutes } from "./testing/serve-route-handlers";

let db: Database;
let server: Awaited<ReturnType<typeof serveRouteHandlers>>;
let keyA: string;
let keyB: string;

beforeAll(async () => {
  // The process's own gate, with the defaults an operator gets (4 slots, 16 waiting places).
  delete (globalThis as { __unitscopeIngestGate?: unknown }).__unitscopeIngestGate;
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  const ws = await db.prisma.workspace.create({ data: { slug: uid("starve"), name: "slot starvation" } });
  keyA = (await createApiKey(db.prisma, { workspaceId: ws.id, name: "trickler", scopes: ["ingest"] })).secret;
  keyB = (await createApiKey(db.prisma, { workspaceId: ws.id, name: "honest", scopes: ["ingest"] })).secret;
  server = await serveRouteHandlers({ "/api/v1/events": POST });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

/** A batch whose body never ends: one byte every 200 ms, until the test aborts it. */
function trickle(key: string, abort: AbortSignal): Promise<Response | Error> {
  let timer: NodeJS.Timeout | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new TextEncoder().encode('{"events":['));
      timer = setInterval(() => c.enqueue(new TextEncoder().encode(" ")), 200);
      abort.addEventListener("abort", () => clearInterval(timer), { once: true });
    },
    cancel: () => clearInterval(timer),
  });
  return fetch(`${server.url}/api/v1/events`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    duplex: "half",
    signal: abort,
  } as RequestInit).catch((e: Error) => e);
}

function sendB(): Promise<Response | Error> {
  // Bounded: on the old code B waits in the queue or is refused; an answer after 5 s counts as a failure.
  return fetch(`${server.url}/api/v1/events`, {
    method: "POST",
    body: JSON.stringify({ events: sampleEvents(3) }),
    headers: { "content-type": "application/json", authorization: `Bearer ${keyB}` },
    signal: AbortSignal.timeout(5000),
  }).catch((e: Error) => e);
}

describe("ingest slots under a slow-body attack", () => {
  it("serves another key's batch at once while 20 connections of one key trickle their bodies", async () => {
    // Unhindered first (it also loads the price catalog once), for comparison in the log.
    const quiet = performance.now();
    expect((await sendB()) instanceof Response).toBe(true);
    console.log(`[slot-starvation] key B alone: ${(performance.now() - quiet).toFixed(0)} ms`);
    const attack = new AbortController();
    const slow = Array.from({ length: 20 }, () => trickle(keyA, attack.signal));
    try {
      // Give the 20 requests time to be authenticated and reach the ingest gate.
      await new Promise((r) => setTimeout(r, 1500));
      const started = performance.now();
      const r = await sendB();
      const ms = performance.now() - started;
      console.log(
        `[slot-starvation] key B under attack answered ${r instanceof Response ? r.status : `nothing (${r.message})`} after ${ms.toFixed(0)} ms`,
      );
      expect(r).toBeInstanceOf(Response);
      const res = r as Response;
      const body = await res.json();
      expect({ status: res.status, body }).toEqual({ status: 200, body: { accepted: 3, duplicates: 0, rejected: [] } });
    } finally {
      attack.abort();
      await Promise.all(slow);
    }
  });
});
