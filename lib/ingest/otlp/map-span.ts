import type { UsageEventInput } from "../event-schema";
import { PROVIDER_RAW_KEY } from "../canonical-event";
import { canonicalSpanProvider, providerFromHost } from "./canonical-provider";
import { MAX_UNIX_NANO, type AttrValue, type Attributes, type OtlpSpan } from "./otlp-model";

/**
 * Which spans are model calls, and how their attributes become a usage event.
 *
 * A span is a model call when
 * - OpenInference: `openinference.span.kind` is LLM or EMBEDDING (other kinds — CHAIN, AGENT, TOOL… — are not);
 * - GenAI semconv: `gen_ai.operation.name` is set and is not an agent/tool/workflow/retrieval operation
 *   (those wrap model calls and would double-count them), and a provider and a model are known;
 * - otherwise: a provider (`gen_ai.provider.name`, `gen_ai.system`, `llm.provider`, `llm.system`) and a
 *   model (`gen_ai.response.model`, `gen_ai.request.model`, `llm.model_name`) are both present.
 * Everything else (HTTP, DB, app spans) is ignored and counted.
 *
 * Fields (first attribute present wins; span attributes, then resource attributes for unitscope.*):
 * | event field    | attributes                                                                                     |
 * | -------------- | ---------------------------------------------------------------------------------------------- |
 * | provider       | gen_ai.provider.name, gen_ai.system, llm.provider, llm.system, else from server.address        |
 * |                | (canonical vendor, lib/pricing/canonical-names.ts; the attribute kept as metadata.provider_raw) |
 * | model          | gen_ai.response.model, gen_ai.request.model, llm.model_name, embedding.model_name             |
 * | inputTokens    | gen_ai.usage.input_tokens, gen_ai.usage.prompt_tokens, llm.token_count.prompt (cached included)|
 * | outputTokens   | gen_ai.usage.output_tokens, gen_ai.usage.completion_tokens, llm.token_count.completion         |
 * | cacheRead      | gen_ai.usage.cache_read.input_tokens, gen_ai.usage.cache_read_input_tokens, llm.token_count.prompt_details.cache_read |
 * | cacheWrite     | gen_ai.usage.cache_creation.input_tokens, gen_ai.usage.cache_creation_input_tokens, llm.token_count.prompt_details.cache_write |
 * | reasoning      | gen_ai.usage.reasoning.output_tokens, llm.token_count.completion_details.reasoning            |
 * | timestamp      | span start; latencyMs = end − start                                                            |
 * | ttftMs         | gen_ai.response.time_to_first_chunk (seconds), unitscope.ttft_ms                               |
 * | status         | span status + error.type: rate limit/429 → throttled, timeout/408/504 → timeout, cancel/abort → cancelled, content filter → filtered, other error → error |
 * | errorType      | error.type, else the exception event's exception.type                                          |
 * | httpStatus     | http.response.status_code, else error.type when it is a 3-digit code                           |
 * | costUsd        | unitscope.cost_usd, llm.cost.total                                                             |
 * | tenant …       | unitscope.tenant, unitscope.feature, unitscope.route, unitscope.task_id, unitscope.attempt,   |
 * |                | unitscope.workload_class, unitscope.region, unitscope.fallback_from, unitscope.queue_ms        |
 * | id             | "<traceId>-<spanId>" (idempotent: a re-exported span is a duplicate)                           |
 */
export type SpanMapping = { kind: "event"; event: UsageEventInput } | { kind: "ignored" } | { kind: "invalid"; message: string };

const NON_MODEL_OPERATIONS = new Set(["invoke_agent", "create_agent", "execute_tool", "invoke_workflow", "retrieval"]);
const OPENINFERENCE_MODEL_KINDS = new Set(["LLM", "EMBEDDING"]);

function first(attrs: Attributes, keys: readonly string[]): AttrValue | undefined {
  for (const k of keys) {
    const v = attrs[k];
    if (v !== undefined && v !== null && v !== "") return v;
  }
  return undefined;
}

function str(v: AttrValue | undefined): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

function num(v: AttrValue | undefined): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

const PROVIDER_KEYS = ["gen_ai.provider.name", "gen_ai.system", "llm.provider", "llm.system"] as const;
const MODEL_KEYS = ["gen_ai.response.model", "gen_ai.request.model", "llm.model_name", "embedding.model_name"] as const;

function isModelCall(a: Attributes): boolean {
  const oiKind = str(a["openinference.span.kind"]);
  if (oiKind) return OPENINFERENCE_MODEL_KINDS.has(oiKind.toUpperCase());
  const op = str(a["gen_ai.operation.name"]);
  if (op && NON_MODEL_OPERATIONS.has(op)) return false;
  return first(a, MODEL_KEYS) !== undefined && (op !== undefined || first(a, PROVIDER_KEYS) !== undefined);
}

function statusOf(span: OtlpSpan, errorType: string | undefined, httpStatus: number | undefined, finishReasons: AttrValue | undefined) {
  const text = `${errorType ?? ""} ${span.statusCode === 2 ? span.statusMessage : ""}`.toLowerCase();
  const failed = span.statusCode === 2 || errorType !== undefined;
  if (failed) {
    if (httpStatus === 429 || /rate.?limit|too.?many.?requests|throttl|quota|429/.test(text)) return "throttled";
    if (httpStatus === 408 || httpStatus === 504 || /time.?out|timed.?out|deadline/.test(text)) return "timeout";
    if (/cancel|abort/.test(text)) return "cancelled";
    if (/content.?filter|content.?policy|safety/.test(text)) return "filtered";
    return "error";
  }
  const reasons = Array.isArray(finishReasons) ? finishReasons : [finishReasons];
  if (reasons.some((r) => typeof r === "string" && /content.?filter|safety/i.test(r))) return "filtered";
  return "ok";
}

const nsToMs = (ns: bigint) => Number(ns) / 1e6;

/** Maps one span (with its resource's attributes) to a usage event, or says why not. */
export function mapSpan(span: OtlpSpan, resource: Attributes): SpanMapping {
  const a = span.attributes;
  if (!isModelCall(a)) return { kind: "ignored" };
  // unitscope.* may sit on the span or on the resource (a whole service belongs to one feature).
  const dim = (key: string) => first(a, [key]) ?? first(resource, [key]);

  const rawProvider = str(first(a, PROVIDER_KEYS));
  const host = str(first(a, ["server.address"]));
  const provider = rawProvider ? canonicalSpanProvider(rawProvider) : host ? providerFromHost(host) : undefined;
  const model = str(first(a, MODEL_KEYS));
  const where = `span ${span.spanId || "?"} '${span.name}'`;
  if (!provider)
    return { kind: "invalid", message: `${where}: no provider attribute (gen_ai.provider.name, gen_ai.system or llm.provider)` };
  if (!model) return { kind: "invalid", message: `${where}: no model attribute (gen_ai.request.model or llm.model_name)` };
  if (!span.traceId || !span.spanId) return { kind: "invalid", message: `${where}: trace and span ids are required` };
  if (span.startNs === 0n) return { kind: "invalid", message: `${where}: start time is missing` };
  for (const [field, ns] of [
    ["startTimeUnixNano", span.startNs],
    ["endTimeUnixNano", span.endNs],
  ] as const) {
    if (ns < 0n || ns > MAX_UNIX_NANO) {
      return { kind: "invalid", message: `${where}: ${field} is out of range (nanoseconds since 1970 as an unsigned 64-bit integer)` };
    }
  }

  let input = num(first(a, ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt"]));
  const output = num(first(a, ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.token_count.completion"]));
  const cacheRead = num(
    first(a, ["gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens", "llm.token_count.prompt_details.cache_read"]),
  );
  const cacheWrite = num(
    first(a, [
      "gen_ai.usage.cache_creation.input_tokens",
      "gen_ai.usage.cache_creation_input_tokens",
      "llm.token_count.prompt_details.cache_write",
    ]),
  );
  const reasoning = num(first(a, ["gen_ai.usage.reasoning.output_tokens", "llm.token_count.completion_details.reasoning"]));
  // Semconv says input_tokens includes cached tokens, but some Anthropic instrumentations copy Anthropic's
  // own input_tokens (which excludes them). Cache parts larger than the input can only mean that.
  if (input !== undefined && (cacheRead ?? 0) + (cacheWrite ?? 0) > input) input += (cacheRead ?? 0) + (cacheWrite ?? 0);

  const exception = span.events.find((e) => e.name === "exception");
  const errorType = str(first(a, ["error.type"])) ?? (span.statusCode === 2 ? str(exception?.attributes["exception.type"]) : undefined);
  const httpStatus =
    num(first(a, ["http.response.status_code", "http.status_code"])) ??
    (errorType && /^\d{3}$/.test(errorType) ? Number(errorType) : undefined);
  const ttftSeconds = num(first(a, ["gen_ai.response.time_to_first_chunk"]));
  const ttftMs = ttftSeconds !== undefined ? ttftSeconds * 1000 : num(dim("unitscope.ttft_ms"));
  const usageMissing = input === undefined && output === undefined;

  const event: UsageEventInput = {
    id: `${span.traceId}-${span.spanId}`,
    timestamp: new Date(Math.floor(nsToMs(span.startNs))).toISOString(),
    provider,
    model,
    region: str(dim("unitscope.region")),
    tenant: str(dim("unitscope.tenant")),
    feature: str(dim("unitscope.feature")),
    route: str(dim("unitscope.route")),
    workloadClass: str(dim("unitscope.workload_class")) as UsageEventInput["workloadClass"],
    taskId: str(dim("unitscope.task_id")),
    attempt: num(dim("unitscope.attempt")),
    fallbackFrom: str(dim("unitscope.fallback_from")),
    status: statusOf(span, errorType, httpStatus, a["gen_ai.response.finish_reasons"]),
    errorType,
    httpStatus: httpStatus !== undefined && httpStatus >= 100 && httpStatus <= 599 ? httpStatus : undefined,
    usage: {
      // A call that failed or streamed without usage reporting still counts for latency and reliability.
      inputTokens: input ?? 0,
      outputTokens: output ?? 0,
      cacheReadTokens: cacheRead,
      cacheWriteTokens: cacheWrite,
      reasoningTokens: reasoning,
    },
    latencyMs: nsToMs(span.endNs - span.startNs),
    ttftMs,
    queueMs: num(dim("unitscope.queue_ms")),
    costUsd: num(first(a, ["unitscope.cost_usd", "llm.cost.total"])),
    metadata: {
      source: "otlp",
      traceId: span.traceId,
      spanId: span.spanId,
      spanName: span.name,
      ...(str(resource["service.name"]) ? { service: str(resource["service.name"]) } : {}),
      ...(usageMissing ? { usageMissing: true } : {}),
      // The attribute as sent, when the stored vendor is its canonical name (as on every ingest path).
      ...(rawProvider !== undefined && rawProvider !== provider ? { [PROVIDER_RAW_KEY]: rawProvider } : {}),
    },
  };
  return { kind: "event", event };
}
