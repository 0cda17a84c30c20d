import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Database } from "@/lib/db/open-database";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { ConcurrencyGate } from "./concurrency-gate";
import { sampleEvents } from "./sample-events";
import { serveRouteHandlers, useDatabaseForRoutes } from "./testing/serve-route-handlers";

let db: Database;
let server: Awaited<ReturnType<typeof serveRouteHandlers>>;
let ingestKey: string;
let readKey: string;
let workspaceId: number;

beforeAll(async () => {
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  const ws = await db.prisma.workspace.create({ data: { slug: uid("rest"), name: "rest ingest" } });
  workspaceId = ws.id;
  ingestKey = (await createApiKey(db.prisma, { workspaceId: ws.id, name: "ingest", scopes: ["ingest"] })).secret;
  readKey = (await createApiKey(db.prisma, { workspaceId: ws.id, name: "read", scopes: ["read"] })).secret;
  server = await serveRouteHandlers({ "/api/v1/events": POST });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

function send(body: BodyInit | null, headers: Record<string, string> = {}, key: string | null = ingestKey) {
  return fetch(`${server.url}/api/v1/events`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    duplex: "half",
  } as RequestInit);
}

async function stored(): Promise<number> {
  const [r] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM usage_events WHERE workspace_id = $1`, [workspaceId]);
  return r!.n;
}

/** The server still answers a good batch: proof a bad request left it serving. */
async function stillServing() {
  const r = await send(JSON.stringify({ events: sampleEvents(1) }));
  expect(r.status).toBe(200);
  expect(await r.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
}

describe("POST /api/v1/events", () => {
  it("refuses a missing or wrong key (401) and a key without the ingest scope (403)", async () => {
    const body = JSON.stringify({ events: sampleEvents(1) });
    const before = await stored();
    for (const [key, status] of [
      [null, 401],
      ["usk_wrongwrongwrongwrongwrongwrong", 401],
      [readKey, 403],
    ] as const) {
      const r = await send(body, {}, key);
      expect(r.status).toBe(status);
      expect((await r.json()).error.code).toBe(status === 401 ? "unauthorized" : "forbidden");
    }
    expect(await stored()).toBe(before);
  });

  it("stores a mixed JSON batch's valid events and names the invalid indexes", async () => {
    const good = sampleEvents(3);
    const before = await stored();
    const r = await send(JSON.stringify({ events: [good[0], { ...good[1], usage: { inputTokens: -3, outputTokens: 1 } }, good[2], 7] }));
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.accepted).toBe(2);
    expect(body.duplicates).toBe(0);
    expect(body.rejected.map((x: { index: number; code: string }) => [x.index, x.code])).toEqual([
      [1, "negative_tokens"],
      [3, "invalid_event"],
    ]);
    expect(await stored()).toBe(before + 2);
    // A replay after a lost response: success, nothing stored twice.
    const again = await send(JSON.stringify({ events: [good[0], good[2]] }));
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect(await stored()).toBe(before + 2);
  });

  it("accepts gzip NDJSON, reporting an unparseable line by its index", async () => {
    const events = sampleEvents(3);
    const ndjson = [JSON.stringify(events[0]), "{not json", "", JSON.stringify(events[1]), JSON.stringify(events[2])].join("\n") + "\n";
    const r = await send(gzipSync(ndjson), { "content-type": "application/x-ndjson", "content-encoding": "gzip" });
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.accepted).toBe(3);
    expect(body.rejected).toEqual([{ index: 1, code: "invalid_json", message: expect.stringContaining("line 2") }]);
  });

  it.each([
    ["truncated JSON", () => send(JSON.stringify({ events: sampleEvents(5) }).slice(0, -40)), 400, "invalid_body"],
    ["a bare array", () => send(JSON.stringify(sampleEvents(2))), 400, "invalid_body"],
    ["events of the wrong type", () => send(JSON.stringify({ events: "many" })), 400, "invalid_body"],
    ["no valid event", () => send(JSON.stringify({ events: [{ id: 1 }, { ...sampleEvents(1)[0], latencyMs: -5 }] })), 400, "invalid_event"],
    ["an empty batch", () => send(JSON.stringify({ events: [] })), 400, "invalid_body"],
    ["bad gzip", () => send(Buffer.from("definitely not gzip"), { "content-encoding": "gzip" }), 400, "invalid_body"],
    [
      "a wrong content type",
      () => send(JSON.stringify({ events: sampleEvents(1) }), { "content-type": "text/plain" }),
      415,
      "unsupported_media_type",
    ],
    [
      "an unknown content encoding",
      () => send(JSON.stringify({ events: sampleEvents(1) }), { "content-encoding": "br" }),
      415,
      "unsupported_media_type",
    ],
    ["a 10 MB body", () => send(JSON.stringify({ events: sampleEvents(1), pad: "x".repeat(10 * 1024 * 1024) })), 413, "payload_too_large"],
    [
      "a 10 MB body streamed without Content-Length",
      () => {
        const chunk = new TextEncoder().encode(`{"events":[],"pad":"${"x".repeat(1024 * 1024)}`);
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(c) {
            if (sent++ < 10) c.enqueue(chunk);
            else c.close();
          },
        });
        return send(body);
      },
      413,
      "payload_too_large",
    ],
    ["5,001 events", () => send(JSON.stringify({ events: sampleEvents(5001) })), 413, "payload_too_large"],
    [
      "5,001 NDJSON lines",
      () =>
        send(
          sampleEvents(5001)
            .map((e) => JSON.stringify(e))
            .join("\n"),
          { "content-type": "application/x-ndjson" },
        ),
      413,
      "payload_too_large",
    ],
  ])("refuses %s with a clear 4xx, stores nothing and keeps serving", async (_label, request, status, code) => {
    const before = await stored();
    const r = await request();
    expect(r.status).toBe(status);
    const body = await r.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(await stored()).toBe(before);
    await stillServing();
  });

  it("rejects poison items one by one (deep metadata, lone surrogates) and stores the rest", async () => {
    // Issue 10, item 4: each of these used to fail the whole batch with a 500 (JSON.stringify RangeError,
    // jsonb 22P02), or (ids) be merged into one U+FFFD id with the second silently counted a duplicate.
    const nested = (levels: number) => '{"a":'.repeat(levels) + "1" + "}".repeat(levels);
    const [ok0, ok4, ok6, ...rest] = sampleEvents(10);
    const raw = (e: object, metadata?: string) =>
      metadata === undefined ? JSON.stringify(e) : JSON.stringify({ ...e, metadata: "@M@" }).replace('"@M@"', metadata);
    const items = [
      raw(ok0!),
      raw(rest[0]!, nested(5000)),
      raw({ ...rest[1]!, metadata: { "key\ud800": 1 } }),
      raw({ ...rest[2]!, metadata: { a: ["x\udc00"] } }),
      raw(ok4!),
      raw(rest[3]!, nested(33)),
      raw(ok6!, nested(32)),
      raw({ ...rest[4]!, tenant: "acme\udbff" }),
      raw({ ...rest[5]!, id: "evt-lone-\ud800" }),
      raw({ ...rest[5]!, id: "evt-lone-\ud801" }),
    ];
    // JSON.stringify writes a lone surrogate as the escape \udXXX; the server's JSON.parse makes it lone again.
    const body = `{"events":[${items.join(",")}]}`;
    expect(body).toContain('"key\\ud800"');
    const before = await stored();
    const r = await send(body);
    expect(r.status).toBe(200);
    const answer = await r.json();
    expect(answer.accepted).toBe(3);
    expect(answer.rejected.map((x: { index: number; code: string }) => [x.index, x.code])).toEqual([
      [1, "invalid_metadata"],
      [2, "invalid_metadata"],
      [3, "invalid_metadata"],
      [5, "invalid_metadata"],
      [7, "invalid_text"],
      [8, "invalid_text"],
      [9, "invalid_text"],
    ]);
    expect(answer.rejected[0].message).toMatch(/32 levels/);
    expect(answer.rejected[4].message).toMatch(/^tenant: /);
    expect(await stored()).toBe(before + 3);
    // The 32-level metadata is stored whole: its innermost value sits under 32 keys.
    const [deepest] = await db.sql.query<{ v: string }>(`SELECT metadata #>> $2::text[] AS v FROM usage_events WHERE event_id = $1`, [
      ok6!.id,
      Array(32).fill("a"),
    ]);
    expect(deepest?.v).toBe("1");
    await stillServing();
  });

  it("lists every rejection in the 400 of a batch with no valid event", async () => {
    const r = await send(JSON.stringify({ events: [{ id: 1 }, { ...sampleEvents(1)[0], timestamp: "yesterday" }] }));
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error.details).toMatchObject({ accepted: 0, duplicates: 0 });
    expect(body.error.details.rejected.map((x: { code: string }) => x.code)).toEqual(["invalid_event", "invalid_timestamp"]);
    // The same counts at the top level, where a 200 has them.
    expect(body).toMatchObject({ error: { code: "invalid_event" }, accepted: 0, duplicates: 0 });
    expect(body.rejected.map((x: { index: number }) => x.index)).toEqual([0, 1]);
  });

  it("answers 429 with Retry-After when every ingest slot is taken, then recovers", async () => {
    const g = globalThis as unknown as { __unitscopeIngestGate?: ConcurrencyGate };
    const original = g.__unitscopeIngestGate;
    const gate = new ConcurrencyGate(1, 0, 100);
    g.__unitscopeIngestGate = gate;
    try {
      // Another request holds the only slot (a batch being stored); none may wait for it.
      let finish!: () => void;
      const holding = gate.run("another key", () => new Promise<void>((r) => (finish = r)));
      const busy = await send(JSON.stringify({ events: sampleEvents(1) }));
      expect(busy.status).toBe(429);
      expect(busy.headers.get("retry-after")).toBe("1");
      expect((await busy.json()).error.code).toBe("rate_limited");
      finish();
      await holding;
      await stillServing();
    } finally {
      g.__unitscopeIngestGate = original;
    }
  });

  it("reads a trickled body without holding a slot: the batch is stored once it has arrived", async () => {
    const g = globalThis as unknown as { __unitscopeIngestGate?: ConcurrencyGate };
    const original = g.__unitscopeIngestGate;
    const gate = new ConcurrencyGate(1, 2, 100); // the same key may have 2 requests in flight
    g.__unitscopeIngestGate = gate;
    try {
      let finish!: () => void;
      const slowBody = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"events":'));
          finish = () => {
            c.enqueue(new TextEncoder().encode(JSON.stringify(sampleEvents(2)) + "}"));
            c.close();
          };
        },
      });
      const slow = send(slowBody);
      await new Promise((r) => setTimeout(r, 300));
      expect(gate.inFlight).toBe(0);
      await stillServing(); // the only slot is free for another batch meanwhile
      finish();
      expect((await (await slow).json()).accepted).toBe(2);
    } finally {
      g.__unitscopeIngestGate = original;
    }
  });
});
