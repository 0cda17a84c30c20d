import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listContracts } from "@/app/api/v1/contracts/route";
import { POST as ingestEvents } from "@/app/api/v1/events/route";
import { GET as listKeys } from "@/app/api/v1/keys/route";
import { POST as queryMetrics } from "@/app/api/v1/metrics/query/route";
import { POST as ingestOtlp } from "@/app/api/otlp/v1/traces/route";
import { POST as quotePrice } from "@/app/api/v1/prices/quote/route";
import { GET as listPrices } from "@/app/api/v1/prices/route";
import { GET as listRepricing } from "@/app/api/v1/repricing/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { resolveDbConfig } from "@/lib/db/config";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { sampleEvents } from "@/lib/ingest/sample-events";
import { useDatabaseForRoutes } from "@/lib/ingest/testing/serve-route-handlers";

/**
 * The app's database refuses connections, as during a failover or maintenance: `ALLOW_CONNECTIONS false`
 * (new connections fail with 55000) plus pg_terminate_backend (open ones die with 57P01, which Prisma
 * wraps as P2039). Every API route must answer 503 + Retry-After, and serve again once the database
 * accepts connections, without a restart. Runs on a database of its own, so the other test files
 * sharing DATABASE_URL are not cut off. PostgreSQL only: PGlite lives in the process and cannot refuse.
 */
const config = resolveDbConfig();
const dbName = `us_outage_${randomBytes(4).toString("hex")}`;
let admin: pg.Client;
let db: Database;
let key: string;

async function refuseConnections(refuse: boolean) {
  await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS ${refuse ? "false" : "true"}`);
  if (refuse) await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName]);
}

describe.runIf(config.kind === "postgres")("API routes while the database refuses connections", () => {
  beforeAll(async () => {
    if (config.kind !== "postgres") return;
    admin = new pg.Client({ connectionString: config.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(config.url);
    url.pathname = `/${dbName}`;
    db = await openDatabase({ kind: "postgres", url: url.toString() }, "outage routes test");
    useDatabaseForRoutes(db);
    const ws = await db.prisma.workspace.create({ data: { slug: "outage", name: "outage" } });
    key = (await createApiKey(db.prisma, { workspaceId: ws.id, name: "all", scopes: ["ingest", "read"] })).secret;
  });
  afterAll(async () => {
    if (!admin) return;
    try {
      await refuseConnections(false);
    } finally {
      await db?.close();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  });

  const now = Date.now();
  const otlpBody = () => ({
    resourceSpans: [
      {
        scopeSpans: [
          {
            spans: [
              {
                traceId: randomBytes(16).toString("hex"),
                spanId: randomBytes(8).toString("hex"),
                name: "chat gpt-4o-mini",
                startTimeUnixNano: `${now - 60_000}000000`,
                endTimeUnixNano: `${now - 59_000}000000`,
                attributes: [
                  { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
                  { key: "gen_ai.provider.name", value: { stringValue: "openai" } },
                  { key: "gen_ai.request.model", value: { stringValue: "gpt-4o-mini" } },
                  { key: "gen_ai.usage.input_tokens", value: { intValue: 12 } },
                  { key: "gen_ai.usage.output_tokens", value: { intValue: 3 } },
                ],
              },
            ],
          },
        ],
      },
    ],
  });
  const post = (path: string, body: unknown) =>
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
  const get = (path: string) => new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } });

  /** One call per route; each builds a fresh request (bodies are single-use). */
  const calls: Record<string, () => Promise<Response>> = {
    "POST /api/v1/events": () => ingestEvents(post("/api/v1/events", { events: sampleEvents(3) })),
    "POST /api/otlp/v1/traces": () => ingestOtlp(post("/api/otlp/v1/traces", otlpBody())),
    "POST /api/v1/metrics/query": () =>
      queryMetrics(
        post("/api/v1/metrics/query", {
          from: new Date(now - 86_400_000).toISOString(),
          to: new Date(now).toISOString(),
          measures: ["requests"],
        }),
      ),
    "GET /api/v1/prices": () => listPrices(get("/api/v1/prices?provider=openai")),
    "POST /api/v1/prices/quote": () =>
      quotePrice(
        post("/api/v1/prices/quote", { provider: "openai", model: "gpt-4o-mini", usage: { inputTokens: 1000, outputTokens: 10 } }),
      ),
    "GET /api/v1/contracts": () => listContracts(get("/api/v1/contracts")),
    "GET /api/v1/repricing": () => listRepricing(get("/api/v1/repricing")),
    // Session-only: the key is looked up (to tell an invalid key, 401, from a valid one, 403), so it needs the database too.
    "GET /api/v1/keys": () => listKeys(get("/api/v1/keys")),
  };
  const healthyStatus: Record<string, number> = { "GET /api/v1/keys": 403 };

  it("answers 503 with Retry-After on every route during the outage and serves again when it ends, without a restart", async () => {
    for (const [name, call] of Object.entries(calls))
      expect({ name, status: (await call()).status }).toEqual({ name, status: healthyStatus[name] ?? 200 });

    await refuseConnections(true);
    try {
      for (const [name, call] of Object.entries(calls)) {
        const r = await call();
        expect({ name, status: r.status, retryAfter: r.headers.get("retry-after") }).toEqual({ name, status: 503, retryAfter: "5" });
        if (name !== "POST /api/otlp/v1/traces") expect((await r.json()).error.code).toBe("unavailable");
        else expect((await r.json()).code).toBe(14); // google.rpc.Code UNAVAILABLE: what OTLP exporters retry on
      }
    } finally {
      await refuseConnections(false);
    }

    for (const [name, call] of Object.entries(calls)) {
      let status = 0;
      for (let i = 0; i < 40 && status !== (healthyStatus[name] ?? 200); i++) {
        status = (await call()).status;
        if (status !== (healthyStatus[name] ?? 200)) await new Promise((r) => setTimeout(r, 250));
      }
      expect({ name, status }).toEqual({ name, status: healthyStatus[name] ?? 200 });
    }
  });

  it("a transaction cut off mid-statement rejects as an outage and leaves the process and the pool serving", async () => {
    const running = db.sql.transaction((tx) => tx.query("SELECT pg_sleep(30)"));
    running.catch(() => undefined);
    // Wait until the statement runs on the server, then cut every connection of the database.
    for (let i = 0; i < 100; i++) {
      const r = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'SELECT pg_sleep%'`, [dbName]);
      if (r.rowCount) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName]);
    const err = await running.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDatabaseUnavailable(err)).toBe(true);
    // The broken connection was discarded, not handed to the next caller.
    expect(await db.sql.transaction((tx) => tx.query<{ ok: number }>("SELECT 1 AS ok"))).toEqual([{ ok: 1 }]);
    expect((await calls["GET /api/v1/prices"]!()).status).toBe(200);
  });
});
