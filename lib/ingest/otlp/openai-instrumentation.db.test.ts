import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { metrics } from "@opentelemetry/api";
import { OTLPTraceExporter as OTLPHttpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OTLPProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { OpenAIInstrumentation } from "@opentelemetry/instrumentation-openai";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/otlp/v1/traces/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Database } from "@/lib/db/open-database";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { serveRouteHandlers, useDatabaseForRoutes } from "../testing/serve-route-handlers";
import type * as OpenAIModule from "openai";

/**
 * The whole chain a customer runs: the official `openai` client, instrumented by the official
 * @opentelemetry/instrumentation-openai, exported by the official OTLP/HTTP exporters (JSON and
 * protobuf) to our route over real HTTP. The one stand-in is OpenAI's API itself (no network here): a
 * local HTTP server answering with the documented chat-completion body and a documented 429.
 */
const instrumentation = new OpenAIInstrumentation();
// As registerInstrumentations() does: gives it its (no-op) metric instruments, which it records into.
instrumentation.setMeterProvider(metrics.getMeterProvider());
// Enabled before the client module is loaded: the instrumentation patches it on require.
instrumentation.enable();
const OpenAI = (createRequire(import.meta.url)("openai") as typeof OpenAIModule).default;

let db: Database;
let server: Awaited<ReturnType<typeof serveRouteHandlers>>;
let fakeOpenAi: http.Server;
let openAiUrl: string;

beforeAll(async () => {
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  server = await serveRouteHandlers({ "/api/otlp/v1/traces": POST });
  fakeOpenAi = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.headers["x-test-throttle"]) {
        res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
        res.end(
          JSON.stringify({ error: { message: "Rate limit reached for gpt-4o-mini", type: "requests", code: "rate_limit_exceeded" } }),
        );
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
          object: "chat.completion",
          created: 1741569952,
          model: "gpt-4o-mini-2024-07-18",
          choices: [{ index: 0, message: { role: "assistant", content: "Hello!" }, finish_reason: "stop" }],
          usage: {
            prompt_tokens: 1850,
            completion_tokens: 420,
            total_tokens: 2270,
            prompt_tokens_details: { cached_tokens: 1024 },
            completion_tokens_details: { reasoning_tokens: 64 },
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => fakeOpenAi.listen(0, "127.0.0.1", resolve));
  openAiUrl = `http://127.0.0.1:${(fakeOpenAi.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  instrumentation.disable();
  await new Promise((r) => fakeOpenAi?.close(r));
  await server?.close();
  await db?.close();
});

async function workspaceWithKey() {
  const ws = await db.prisma.workspace.create({ data: { slug: uid("oai"), name: "openai client" } });
  const { secret } = await createApiKey(db.prisma, { workspaceId: ws.id, name: "otel", scopes: ["ingest"] });
  return { workspaceId: ws.id, secret };
}

/** One successful and one rate-limited chat completion through the instrumented client. */
async function callOpenAi(exporter: SpanExporter, tenant: string) {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "support-bot", "unitscope.tenant": tenant, "unitscope.feature": "answers" }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  instrumentation.setTracerProvider(provider);
  const client = new OpenAI({ apiKey: "sk-test", baseURL: openAiUrl, maxRetries: 0 });
  const ok = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello" }] });
  expect(ok.usage?.total_tokens).toBe(2270);
  await expect(
    client.chat.completions.create(
      { model: "gpt-4o-mini", messages: [{ role: "user", content: "Again" }] },
      { headers: { "x-test-throttle": "1" } },
    ),
  ).rejects.toThrow(/429/);
  await provider.forceFlush();
  await provider.shutdown();
}

async function expectStored(workspaceId: number, tenant: string) {
  const rows = await db.sql.query<Record<string, unknown>>(
    `SELECT provider, model, status, tenant, feature, input_tokens, output_tokens, error_type, latency_ms, priced
       FROM usage_events WHERE workspace_id = $1 ORDER BY ts`,
    [workspaceId],
  );
  expect(rows).toHaveLength(2);
  // OpenAI's prompt_tokens include the cached ones and completion_tokens the reasoning ones: the
  // instrumentation reports those totals, stored as the contract's input/output tokens.
  expect(rows[0]).toMatchObject({
    provider: "openai",
    model: "gpt-4o-mini-2024-07-18",
    status: "ok",
    tenant,
    feature: "answers",
    input_tokens: 1850,
    output_tokens: 420,
    priced: true,
  });
  expect(rows[1]).toMatchObject({ provider: "openai", model: "gpt-4o-mini", status: "throttled", error_type: "RateLimitError", tenant });
  for (const r of rows) expect(Number(r.latency_ms)).toBeGreaterThanOrEqual(0);
}

describe("an instrumented OpenAI client exporting to /api/otlp", () => {
  it("is stored right through the OTLP/HTTP JSON exporter", async () => {
    const { workspaceId, secret } = await workspaceWithKey();
    await callOpenAi(
      new OTLPHttpJsonExporter({ url: `${server.url}/api/otlp/v1/traces`, headers: { Authorization: `Bearer ${secret}` } }),
      "acme",
    );
    await expectStored(workspaceId, "acme");
  });

  it("is stored right through the OTLP/HTTP protobuf exporter", async () => {
    const { workspaceId, secret } = await workspaceWithKey();
    await callOpenAi(
      new OTLPProtoExporter({ url: `${server.url}/api/otlp/v1/traces`, headers: { Authorization: `Bearer ${secret}` } }),
      "globex",
    );
    await expectStored(workspaceId, "globex");
  });
});
