import { diag, DiagLogLevel, SpanKind, SpanStatusCode, type Attributes } from "@opentelemetry/api";
import { OTLPTraceExporter as OTLPHttpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OTLPProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/otlp/v1/traces/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Database } from "@/lib/db/open-database";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { serveRouteHandlers, useDatabaseForRoutes } from "../testing/serve-route-handlers";
import { decodeRpcStatus } from "./otlp-proto";

/**
 * End to end with the official OpenTelemetry JS SDK and both OTLP/HTTP exporters, over real HTTP.
 * No OpenAI client is installed (and there is no network), so the spans are created exactly as the
 * GenAI instrumentation of the OpenAI client creates them: a CLIENT span named "chat <model>" with the
 * gen_ai.* request/response/usage attributes, an error status and error.type on failure.
 */
let db: Database;
let server: Awaited<ReturnType<typeof serveRouteHandlers>>;

beforeAll(async () => {
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  server = await serveRouteHandlers({ "/api/otlp/v1/traces": POST });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});
afterEach(() => {
  for (const k of ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_COMPRESSION"]) delete process.env[k];
  diag.disable();
});

async function workspaceWithKey(scopes: ("ingest" | "read")[] = ["ingest"]) {
  const ws = await db.prisma.workspace.create({ data: { slug: uid("otlp"), name: "otlp" } });
  const { secret } = await createApiKey(db.prisma, { workspaceId: ws.id, name: "otel", scopes });
  return { workspaceId: ws.id, secret };
}

/** What an instrumented OpenAI-client call records: one ok streamed call, one rate-limited call, inside an HTTP server span. */
async function instrumentedCalls(exporter: SpanExporter, tenant: string) {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "support-bot", "unitscope.feature": "answers" }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("@opentelemetry/instrumentation-openai", "0.1.0");
  const t0 = Date.now() - 60_000;
  const server = tracer.startSpan("POST /api/answer", {
    kind: SpanKind.SERVER,
    startTime: t0,
    attributes: { "http.request.method": "POST", "http.route": "/api/answer" },
  });
  const ok: Attributes = {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "gpt-4o-mini",
    "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
    "gen_ai.response.id": "chatcmpl-abc123",
    "gen_ai.response.finish_reasons": ["stop"],
    "gen_ai.usage.input_tokens": 1850,
    "gen_ai.usage.cache_read.input_tokens": 1024,
    "gen_ai.usage.output_tokens": 420,
    "gen_ai.usage.reasoning.output_tokens": 64,
    "gen_ai.response.time_to_first_chunk": 0.31,
    "server.address": "api.openai.com",
    "server.port": 443,
    "unitscope.tenant": tenant,
    "unitscope.route": "/api/answer",
    "unitscope.task_id": "task-1",
  };
  tracer.startSpan("chat gpt-4o-mini", { kind: SpanKind.CLIENT, startTime: t0 + 5, attributes: ok }).end(t0 + 5 + 1234);
  const failed = tracer.startSpan("chat gpt-4o-mini", {
    kind: SpanKind.CLIENT,
    startTime: t0 + 1300,
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.system": "openai", // the legacy name, as older instrumentations send it
      "gen_ai.request.model": "gpt-4o-mini",
      "error.type": "RateLimitError",
      "http.response.status_code": 429,
      "unitscope.tenant": tenant,
      "unitscope.task_id": "task-2",
      "unitscope.attempt": 2,
    },
  });
  failed.recordException({ name: "RateLimitError", message: "429 Rate limit reached" });
  failed.setStatus({ code: SpanStatusCode.ERROR, message: "429 Rate limit reached" });
  failed.end(t0 + 1300 + 87);
  server.end(t0 + 1500);
  await provider.forceFlush();
  await provider.shutdown();
}

type Row = {
  provider: string;
  model: string;
  status: string;
  tenant: string;
  feature: string;
  route: string | null;
  task_id: string;
  attempt: number;
  input_tokens: number;
  cache_read_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  latency_ms: number;
  ttft_ms: number | null;
  error_type: string | null;
  http_status: number | null;
  priced: boolean;
};

async function rows(workspaceId: number): Promise<Row[]> {
  return db.sql.query<Row>(
    `SELECT provider, model, status, tenant, feature, route, task_id, attempt, input_tokens, cache_read_tokens, output_tokens,
            reasoning_tokens, latency_ms, ttft_ms, error_type, http_status, priced
       FROM usage_events WHERE workspace_id = $1 ORDER BY ts`,
    [workspaceId],
  );
}

function expectStored(stored: Row[], tenant: string) {
  expect(stored).toHaveLength(2); // the HTTP server span is not a model call
  expect(stored[0]).toMatchObject({
    provider: "openai",
    model: "gpt-4o-mini-2024-07-18",
    status: "ok",
    tenant,
    feature: "answers",
    route: "/api/answer",
    task_id: "task-1",
    attempt: 1,
    input_tokens: 1850,
    cache_read_tokens: 1024,
    output_tokens: 420,
    reasoning_tokens: 64,
    latency_ms: 1234,
    ttft_ms: 310,
    priced: true,
  });
  expect(stored[1]).toMatchObject({
    provider: "openai",
    model: "gpt-4o-mini",
    status: "throttled",
    error_type: "RateLimitError",
    http_status: 429,
    task_id: "task-2",
    attempt: 2,
    latency_ms: 87,
    input_tokens: 0,
  });
}

describe("POST /api/otlp/v1/traces with the OpenTelemetry JS SDK", () => {
  it("stores model-call spans sent by the OTLP/HTTP JSON exporter", async () => {
    const { workspaceId, secret } = await workspaceWithKey();
    const warnings: string[] = [];
    diag.setLogger(
      { error: () => {}, warn: (...a) => warnings.push(a.map(String).join(" ")), info: () => {}, debug: () => {}, verbose: () => {} },
      DiagLogLevel.WARN,
    );
    const exporter = new OTLPHttpJsonExporter({ url: `${server.url}/api/otlp/v1/traces`, headers: { Authorization: `Bearer ${secret}` } });
    await instrumentedCalls(exporter, "acme");
    expectStored(await rows(workspaceId), "acme");
    // The exporter surfaces our partial-success note about the ignored span.
    expect(warnings.join("\n")).toMatch(/ignored 1 span/);
  });

  it("stores the same through the protobuf exporter configured only by the standard env vars, gzip on", async () => {
    const { workspaceId, secret } = await workspaceWithKey();
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `${server.url}/api/otlp`;
    process.env.OTEL_EXPORTER_OTLP_HEADERS = `authorization=Bearer ${secret}`;
    process.env.OTEL_EXPORTER_OTLP_COMPRESSION = "gzip";
    await instrumentedCalls(new OTLPProtoExporter(), "globex");
    expectStored(await rows(workspaceId), "globex");
  });

  it("treats a re-exported span as a duplicate (retries after a timeout store nothing twice)", async () => {
    const { workspaceId, secret } = await workspaceWithKey();
    // Collect the finished spans once, then export that same list three times, as a retrying exporter does.
    const spans: ReadableSpan[] = [];
    const collector: SpanExporter = {
      export: (batch, done) => {
        spans.push(...batch);
        done({ code: 0 });
      },
      shutdown: async () => {},
    };
    await instrumentedCalls(collector, "initech");
    expect(spans).toHaveLength(3);
    const exporter = new OTLPProtoExporter({ url: `${server.url}/api/otlp/v1/traces`, headers: { authorization: `Bearer ${secret}` } });
    for (let i = 0; i < 3; i++) {
      const result = await new Promise<{ code: number; error?: Error }>((resolve) => exporter.export(spans, resolve));
      expect(result.error?.message).toBeUndefined();
      expect(result.code).toBe(0); // ExportResultCode.SUCCESS
    }
    await exporter.shutdown();
    expectStored(await rows(workspaceId), "initech");
  });

  it("answers partial success for spans it cannot store, 401/403 for keys, 400/415 for bodies", async () => {
    const { workspaceId, secret } = await workspaceWithKey();
    const now = BigInt(Date.now() - 30_000) * 1_000_000n;
    const span = (spanId: string, attributes: { key: string; value: { stringValue?: string; intValue?: string } }[]) => ({
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId,
      name: "chat",
      startTimeUnixNano: String(now),
      endTimeUnixNano: String(now + 5_000_000n),
      attributes,
    });
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "raw" } }] },
          scopeSpans: [
            {
              spans: [
                span("b7ad6b7169203331", [
                  { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
                  { key: "gen_ai.provider.name", value: { stringValue: "anthropic" } },
                  { key: "gen_ai.request.model", value: { stringValue: "claude-haiku-4-5" } },
                  { key: "gen_ai.usage.input_tokens", value: { intValue: "100" } },
                  { key: "gen_ai.usage.output_tokens", value: { intValue: "-4" } },
                ]),
                span("b7ad6b7169203332", [{ key: "db.system.name", value: { stringValue: "postgresql" } }]),
                span("b7ad6b7169203333", [
                  { key: "gen_ai.provider.name", value: { stringValue: "anthropic" } },
                  { key: "gen_ai.request.model", value: { stringValue: "claude-haiku-4-5" } },
                  { key: "gen_ai.usage.input_tokens", value: { intValue: "100" } },
                  { key: "gen_ai.usage.output_tokens", value: { intValue: "7" } },
                ]),
              ],
            },
          ],
        },
      ],
    };
    const post = (payload: BodyInit, headers: Record<string, string>) =>
      fetch(`${server.url}/api/otlp/v1/traces`, { method: "POST", body: payload, headers });
    const r = await post(JSON.stringify(body), { "content-type": "application/json", authorization: `Bearer ${secret}` });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-unitscope-ingest")).toBe("spans=3; accepted=1; duplicates=0; ignored=1; rejected=1");
    const answer = await r.json();
    expect(answer.partialSuccess.rejectedSpans).toBe("1");
    expect(answer.partialSuccess.errorMessage).toMatch(/b7ad6b7169203331.*negative_tokens/);
    expect((await rows(workspaceId)).map((x) => [x.provider, x.output_tokens])).toEqual([["anthropic", 7]]);

    const { secret: readOnly } = await workspaceWithKey(["read"]);
    // Errors carry a google.rpc.Status in the request's encoding, as OTLP/HTTP prescribes.
    const unauth = await post(JSON.stringify(body), { "content-type": "application/json" });
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toMatchObject({ code: 16, message: expect.stringMatching(/^unauthorized: /) });
    const forbidden = await post(new Uint8Array(0), { "content-type": "application/x-protobuf", authorization: `Bearer ${readOnly}` });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("content-type")).toBe("application/x-protobuf");
    expect(decodeRpcStatus(new Uint8Array(await forbidden.arrayBuffer()))).toEqual({
      code: 7,
      message: "forbidden: this API key lacks the 'ingest' scope",
    });
    const auth = { authorization: `Bearer ${secret}` };
    const garbage = await post("not protobuf at all", { ...auth, "content-type": "application/x-protobuf" });
    expect(garbage.status).toBe(400);
    expect(garbage.headers.get("x-unitscope-error")).toBe("invalid_body");
    expect(decodeRpcStatus(new Uint8Array(await garbage.arrayBuffer()))).toMatchObject({
      code: 3,
      message: expect.stringMatching(/^invalid_body: the body is not an OTLP/),
    });
    // An empty export is zero bytes in protobuf: valid, nothing to store.
    expect((await post(new Uint8Array(0), { ...auth, "content-type": "application/x-protobuf" })).status).toBe(200);
    expect((await post('{"resourceSpans": 5}', { ...auth, "content-type": "application/json" })).status).toBe(400);
    expect((await post("{}", { ...auth, "content-type": "text/plain" })).status).toBe(415);
    expect(await rows(workspaceId)).toHaveLength(1);
  });

  it("rejects a span with an out-of-range start time or ill-formed text by itself and stores the others", async () => {
    // Issue 10: a start time beyond any date was a RangeError 500 (item 9); a lone surrogate in the span
    // name (kept in metadata) failed the whole export on jsonb, one in an attribute was stored as U+FFFD (item 4).
    const { workspaceId, secret } = await workspaceWithKey();
    const now = BigInt(Date.now() - 30_000) * 1_000_000n;
    const model = [
      { key: "gen_ai.provider.name", value: { stringValue: "openai" } },
      { key: "gen_ai.request.model", value: { stringValue: "gpt-4o-mini" } },
      { key: "gen_ai.usage.input_tokens", value: { intValue: "10" } },
      { key: "gen_ai.usage.output_tokens", value: { intValue: "2" } },
    ];
    const span = (spanId: string, over: Record<string, unknown> = {}, extra: typeof model = []) => ({
      traceId: "0af7651916cd43dd8448eb211c8031aa",
      spanId,
      name: "chat gpt-4o-mini",
      startTimeUnixNano: String(now),
      endTimeUnixNano: String(now + 5_000_000n),
      attributes: [...model, ...extra],
      ...over,
    });
    const body = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                span("c7ad6b7169203331"),
                span("c7ad6b7169203332", { startTimeUnixNano: "99999999999999999999999" }),
                span("c7ad6b7169203333", { name: "chat \ud800" }),
                span("c7ad6b7169203334", {}, [{ key: "unitscope.tenant", value: { stringValue: "acme\udc00" } }]),
                span("c7ad6b7169203335", { startTimeUnixNano: "9".repeat(100_000) }),
              ],
            },
          ],
        },
      ],
    };
    const r = await fetch(`${server.url}/api/otlp/v1/traces`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-unitscope-ingest")).toBe("spans=5; accepted=1; duplicates=0; ignored=0; rejected=4");
    const { errorMessage } = (await r.json()).partialSuccess;
    expect(errorMessage).toMatch(/c7ad6b7169203332[^;]*startTimeUnixNano/);
    expect(errorMessage).toMatch(/c7ad6b7169203333[^;]*invalid_metadata/);
    expect(errorMessage).toMatch(/c7ad6b7169203334[^;]*invalid_text/);
    expect(errorMessage).toMatch(/c7ad6b7169203335[^;]*startTimeUnixNano/);
    expect((await rows(workspaceId)).map((x) => x.model)).toEqual(["gpt-4o-mini"]);
  });
});
