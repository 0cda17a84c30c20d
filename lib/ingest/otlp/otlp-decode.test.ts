import { SpanStatusCode, type Attributes } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { mapSpan } from "./map-span";
import { decodeOtlpJson } from "./otlp-json";
import type { OtlpResourceSpans } from "./otlp-model";
import { decodeOtlpProtobuf, encodeOtlpProtobufResponse } from "./otlp-proto";

/** Real SDK spans, serialised by the very serialisers the OTel exporters use. */
function recordSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      "service.name": "checkout-api",
      "unitscope.feature": "summaries",
      "unitscope.tenant": "resource-tenant",
    }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("test");
  const t0 = Date.parse("2026-11-22T10:00:00.000Z");
  const chat: Attributes = {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "gpt-4o",
    "gen_ai.response.model": "gpt-4o-2024-08-06",
    "gen_ai.usage.input_tokens": 2000,
    "gen_ai.usage.output_tokens": 400,
    "gen_ai.usage.cache_read.input_tokens": 1536,
    "gen_ai.usage.reasoning.output_tokens": 128,
    "gen_ai.response.time_to_first_chunk": 0.25,
    "unitscope.tenant": "acme",
    "unitscope.attempt": 2,
    "unitscope.task_id": "task-1",
  };
  tracer.startSpan("chat gpt-4o", { startTime: t0, attributes: chat }).end(t0 + 1500);
  const throttled = tracer.startSpan("chat claude", {
    startTime: t0 + 2000,
    attributes: {
      "gen_ai.system": "anthropic",
      "gen_ai.request.model": "claude-sonnet-4-5",
      "error.type": "RateLimitError",
      "http.response.status_code": 429,
    },
  });
  throttled.setStatus({ code: SpanStatusCode.ERROR, message: "429 rate limited" });
  throttled.end(t0 + 2100);
  tracer
    .startSpan("ChatCompletion", {
      startTime: t0 + 3000,
      attributes: {
        "openinference.span.kind": "LLM",
        "llm.provider": "anthropic",
        "llm.model_name": "claude-haiku-4-5",
        "llm.token_count.prompt": 5000,
        "llm.token_count.completion": 50,
        "llm.token_count.prompt_details.cache_write": 4000,
        "llm.cost.total": 0.0061,
      },
    })
    .end(t0 + 3400);
  tracer.startSpan("GET /orders", { startTime: t0, attributes: { "http.request.method": "GET" } }).end(t0 + 10);
  tracer
    .startSpan("agent", {
      startTime: t0,
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o" },
    })
    .end(t0 + 10);
  tracer.startSpan("chain", { startTime: t0, attributes: { "openinference.span.kind": "CHAIN", "llm.model_name": "gpt-4o" } }).end(t0 + 10);
  return exporter.getFinishedSpans();
}

function mapAll(exports: OtlpResourceSpans[]) {
  return exports.flatMap((rs) => rs.spans.map((s) => mapSpan(s, rs.resource)));
}

function check(exports: OtlpResourceSpans[], spans: ReadableSpan[]) {
  const mapped = mapAll(exports);
  expect(mapped.map((m) => m.kind)).toEqual(["event", "event", "event", "ignored", "ignored", "ignored"]);
  const [chat, throttled, oi] = mapped.map((m) => (m.kind === "event" ? m.event : undefined));
  const first = spans[0]!.spanContext();
  expect(chat).toMatchObject({
    id: `${first.traceId}-${first.spanId}`,
    timestamp: "2026-11-22T10:00:00.000Z",
    provider: "openai",
    model: "gpt-4o-2024-08-06",
    status: "ok",
    latencyMs: 1500,
    ttftMs: 250,
    tenant: "acme", // the span's value wins over the resource's
    feature: "summaries", // from the resource
    attempt: 2,
    taskId: "task-1",
    usage: { inputTokens: 2000, outputTokens: 400, cacheReadTokens: 1536, reasoningTokens: 128 },
    metadata: { source: "otlp", service: "checkout-api", traceId: first.traceId, spanId: first.spanId },
  });
  expect(throttled).toMatchObject({
    provider: "anthropic",
    status: "throttled",
    errorType: "RateLimitError",
    httpStatus: 429,
    latencyMs: 100,
  });
  expect(throttled?.usage).toMatchObject({ inputTokens: 0, outputTokens: 0 });
  expect(oi).toMatchObject({
    provider: "anthropic",
    model: "claude-haiku-4-5",
    costUsd: 0.0061,
    usage: { inputTokens: 5000, outputTokens: 50, cacheWriteTokens: 4000 },
    latencyMs: 400,
  });
}

describe("OTLP decoding of real SDK exports", () => {
  it("decodes the protobuf encoding and maps GenAI and OpenInference spans", () => {
    const spans = recordSpans();
    const bytes = ProtobufTraceSerializer.serializeRequest(spans)!;
    check(decodeOtlpProtobuf(bytes), spans);
  });

  it("decodes the JSON encoding the same way", () => {
    const spans = recordSpans();
    const bytes = JsonTraceSerializer.serializeRequest(spans)!;
    check(decodeOtlpJson(JSON.parse(Buffer.from(bytes).toString("utf8"))), spans);
  });

  it("accepts 64-bit integers as numbers and ids in upper case, per OTLP/JSON", () => {
    const exports = decodeOtlpJson({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: "5B8EFFF798038103D269B633813FC60C",
                  spanId: "EEE19B7EC3C1B174",
                  name: "chat",
                  startTimeUnixNano: 1795860000000000000,
                  endTimeUnixNano: "1795860000750000000",
                  status: { code: 2 },
                  attributes: [
                    { key: "gen_ai.system", value: { stringValue: "openai" } },
                    { key: "gen_ai.request.model", value: { stringValue: "gpt-4o-mini" } },
                    { key: "gen_ai.usage.input_tokens", value: { intValue: "12" } },
                    { key: "gen_ai.usage.output_tokens", value: { intValue: 3 } },
                    { key: "error.type", value: { stringValue: "APITimeoutError" } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const [m] = mapAll(exports);
    expect(m).toMatchObject({
      kind: "event",
      event: {
        id: "5b8efff798038103d269b633813fc60c-eee19b7ec3c1b174",
        status: "timeout",
        latencyMs: 750,
        usage: { inputTokens: 12, outputTokens: 3 },
      },
    });
  });

  it("refuses a body that is not an export request", () => {
    expect(() => decodeOtlpJson({ resourceSpans: "nope" })).toThrow();
    expect(() => decodeOtlpProtobuf(Buffer.from("definitely not protobuf, just text"))).toThrow();
  });

  it("encodes a partial-success response the exporter can read back", () => {
    const bytes = encodeOtlpProtobufResponse({ rejectedSpans: 3, errorMessage: "rejected 3" });
    const r = ProtobufTraceSerializer.deserializeResponse(bytes);
    expect(Number(r.partialSuccess?.rejectedSpans)).toBe(3);
    expect(r.partialSuccess?.errorMessage).toBe("rejected 3");
    expect(ProtobufTraceSerializer.deserializeResponse(encodeOtlpProtobufResponse()).partialSuccess).toBeUndefined();
  });
});
