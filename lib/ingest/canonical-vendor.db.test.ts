import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as OTLP_POST } from "@/app/api/otlp/v1/traces/route";
import { POST } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Database } from "@/lib/db/open-database";
import { runMetricsQuery } from "@/lib/metrics/run-metrics-query";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { sampleEvents } from "./sample-events";
import { serveRouteHandlers, useDatabaseForRoutes } from "./testing/serve-route-handlers";

// Issue 11 §3: a REST event sent as `vertex_ai` / `gcp.vertex_ai` and one sent as `google` are one vendor;
// the name as sent is kept in metadata.provider_raw; costs are those of the name as sent.

let db: Database;
let server: Awaited<ReturnType<typeof serveRouteHandlers>>;
let key: string;
let workspaceId: number;

beforeAll(async () => {
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  const ws = await db.prisma.workspace.create({ data: { slug: uid("vendor"), name: "canonical vendors" } });
  workspaceId = ws.id;
  key = (await createApiKey(db.prisma, { workspaceId: ws.id, name: "ingest", scopes: ["ingest"] })).secret;
  server = await serveRouteHandlers({ "/api/v1/events": POST, "/api/otlp/v1/traces": OTLP_POST });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

function send(events: unknown[], ndjson = false) {
  return fetch(`${server.url}/api/v1/events`, {
    method: "POST",
    body: ndjson ? events.map((e) => JSON.stringify(e)).join("\n") : JSON.stringify({ events }),
    headers: { "content-type": ndjson ? "application/x-ndjson" : "application/json", authorization: `Bearer ${key}` },
  });
}

type Row = {
  event_id: string;
  provider: string;
  model: string;
  metadata: Record<string, unknown> | null;
  list_cost_usd: string;
  priced: boolean;
};

async function rows(ids: string[], ws = workspaceId): Promise<Map<string, Row>> {
  const r = await db.sql.query<Row>(
    `SELECT event_id, provider, model, metadata, list_cost_usd::text AS list_cost_usd, priced FROM usage_events
     WHERE workspace_id = $1 AND event_id = ANY($2::text[])`,
    [ws, ids],
  );
  return new Map(r.map((x) => [x.event_id, x]));
}

describe("canonical vendors on the REST path", () => {
  it("stores vertex_ai, gcp.vertex_ai and google events under one vendor, the raw name kept, the cost unchanged", async () => {
    const base = sampleEvents(4, { idPrefix: uid("vx") }).map((e) => ({ ...e, model: "gemini-2.0-flash", status: "ok" as const }));
    const sent = [
      { ...base[0]!, provider: "vertex_ai", metadata: { team: "search" } },
      { ...base[1]!, provider: "gcp.vertex_ai" },
      { ...base[2]!, provider: "google" },
      { ...base[3]!, provider: "Vertex_AI", usage: base[0]!.usage, timestamp: base[0]!.timestamp },
    ];
    const r = await send(sent.slice(0, 2));
    expect(await r.json()).toMatchObject({ accepted: 2, rejected: [] });
    // NDJSON is the same path.
    const r2 = await send(sent.slice(2), true);
    expect(await r2.json()).toMatchObject({ accepted: 2, rejected: [] });

    const got = await rows(sent.map((e) => e.id));
    expect(sent.map((e) => got.get(e.id)?.provider)).toEqual(["google", "google", "google", "google"]);
    expect(got.get(sent[0]!.id)?.metadata).toEqual({ team: "search", provider_raw: "vertex_ai" });
    expect(got.get(sent[1]!.id)?.metadata).toEqual({ provider_raw: "gcp.vertex_ai" });
    expect(got.get(sent[2]!.id)?.metadata).toBeNull(); // already canonical: nothing added
    expect(got.get(sent[3]!.id)?.metadata).toEqual({ provider_raw: "Vertex_AI" });
    // Priced from Google's list, and the same usage costs the same under either spelling.
    expect(got.get(sent[0]!.id)?.priced).toBe(true);
    expect(got.get(sent[3]!.id)?.list_cost_usd).toBe(got.get(sent[0]!.id)?.list_cost_usd);

    const answer = await runMetricsQuery(db, workspaceId, {
      from: new Date(Date.now() - 7 * 3600_000).toISOString(),
      to: new Date().toISOString(),
      measures: ["requests"],
      dimensions: ["provider"],
    });
    expect(answer.rows.map((x) => [x.provider, x.requests])).toEqual([["google", 4]]);
  });

  it("shows a provider-prefixed model as its family and keeps resellers apart", async () => {
    const base = sampleEvents(3, { idPrefix: uid("fam") });
    const sent = [
      { ...base[0]!, provider: "anthropic", model: "anthropic/claude-3-5-haiku" },
      { ...base[1]!, provider: "anthropic", model: "claude-3-5-haiku", usage: base[0]!.usage },
      { ...base[2]!, provider: "bedrock", model: "anthropic.claude-3-5-haiku-20241022-v1:0" },
    ];
    expect(await (await send(sent)).json()).toMatchObject({ accepted: 3, rejected: [] });
    const got = await rows(sent.map((e) => e.id));
    const a = got.get(sent[0]!.id)!;
    expect([a.provider, a.model, a.metadata]).toEqual(["anthropic", "claude-3-5-haiku", { model_raw: "anthropic/claude-3-5-haiku" }]);
    expect(a.priced).toBe(true);
    expect(a.list_cost_usd).toBe(got.get(sent[1]!.id)!.list_cost_usd);
    const b = got.get(sent[2]!.id)!;
    expect([b.provider, b.model, b.metadata]).toEqual(["aws", "anthropic.claude-3-5-haiku-20241022-v1:0", { provider_raw: "bedrock" }]);
  });
});

describe("canonical vendors on the OTLP path", () => {
  it("stores gcp.vertex_ai, vertex_ai and google spans under one vendor with the attribute kept; az.ai.openai stays Azure", async () => {
    const ws = await db.prisma.workspace.create({ data: { slug: uid("otlp-vendor"), name: "otlp vendors" } });
    const secret = (await createApiKey(db.prisma, { workspaceId: ws.id, name: "otel", scopes: ["ingest"] })).secret;
    const now = BigInt(Date.now() - 30_000) * 1_000_000n;
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const span = (spanId: string, key: string, provider: string, model: string) => ({
      traceId,
      spanId,
      name: `chat ${model}`,
      startTimeUnixNano: String(now),
      endTimeUnixNano: String(now + 800_000_000n),
      attributes: [
        { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
        { key, value: { stringValue: provider } },
        { key: "gen_ai.request.model", value: { stringValue: model } },
        { key: "gen_ai.usage.input_tokens", value: { intValue: "1000" } },
        { key: "gen_ai.usage.output_tokens", value: { intValue: "200" } },
      ],
    });
    const spans = [
      span("00f067aa0ba902b1", "gen_ai.provider.name", "gcp.vertex_ai", "gemini-2.0-flash"),
      span("00f067aa0ba902b2", "gen_ai.system", "vertex_ai", "gemini-2.0-flash"),
      span("00f067aa0ba902b3", "gen_ai.provider.name", "google", "gemini-2.0-flash"),
      span("00f067aa0ba902b4", "gen_ai.provider.name", "az.ai.openai", "o4-mini"),
    ];
    const r = await fetch(`${server.url}/api/otlp/v1/traces`, {
      method: "POST",
      body: JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans }] }] }),
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-unitscope-ingest")).toBe("spans=4; accepted=4; duplicates=0; ignored=0; rejected=0");

    const got = await rows(
      spans.map((x) => `${traceId}-${x.spanId}`),
      ws.id,
    );
    const of = (spanId: string) => got.get(`${traceId}-${spanId}`)!;
    expect([of("00f067aa0ba902b1").provider, of("00f067aa0ba902b1").metadata?.provider_raw]).toEqual(["google", "gcp.vertex_ai"]);
    expect([of("00f067aa0ba902b2").provider, of("00f067aa0ba902b2").metadata?.provider_raw]).toEqual(["google", "vertex_ai"]);
    expect([of("00f067aa0ba902b3").provider, of("00f067aa0ba902b3").metadata?.provider_raw]).toEqual(["google", undefined]);
    expect([of("00f067aa0ba902b4").provider, of("00f067aa0ba902b4").metadata?.provider_raw]).toEqual(["azure", "az.ai.openai"]);
    // One price for the three Google spellings (same usage).
    expect(new Set(["00f067aa0ba902b1", "00f067aa0ba902b2", "00f067aa0ba902b3"].map((id) => of(id).list_cost_usd)).size).toBe(1);
    expect(of("00f067aa0ba902b1").priced).toBe(true);

    const answer = await runMetricsQuery(db, ws.id, {
      from: new Date(Date.now() - 3600_000).toISOString(),
      to: new Date().toISOString(),
      measures: ["requests"],
      dimensions: ["provider"],
      orderBy: [{ field: "provider", direction: "asc" }],
    });
    expect(answer.rows.map((x) => [x.provider, x.requests])).toEqual([
      ["azure", 1],
      ["google", 3],
    ]);
  });
});
