import { afterEach, describe, expect, it } from "vitest";
import { currentTimeWindow, validateEvent } from "./validate-event";

const NOW = Date.parse("2026-11-22T12:00:00.000Z");

function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "evt-1",
    timestamp: "2026-11-22T11:59:00.000Z",
    provider: "openai",
    model: "gpt-4o-mini",
    status: "ok",
    usage: { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 1024 },
    latencyMs: 850,
    ...overrides,
  };
}

/** An object `levels` deep: { a: { a: … 1 } } with `levels` objects. */
function nest(levels: number): Record<string, unknown> {
  let o: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < levels; i++) o = { a: o };
  return o;
}

function rejected(item: unknown) {
  const v = validateEvent(item, currentTimeWindow(NOW));
  if (v.ok) throw new Error("expected a rejection");
  return v;
}

afterEach(() => {
  delete process.env.UNITSCOPE_RETENTION_DAYS;
  delete process.env.UNITSCOPE_INGEST_MAX_FUTURE_SECONDS;
});

describe("validateEvent", () => {
  it("accepts a minimal contract event and fills the defaults", () => {
    const v = validateEvent(event(), currentTimeWindow(NOW));
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.event).toMatchObject({ id: "evt-1", taskId: "evt-1", attempt: 1, region: null, costUsd: null, metadataJson: null });
    expect(v.event.timestamp.toISOString()).toBe("2026-11-22T11:59:00.000Z");
    expect(v.event.usage).toEqual({
      inputTokens: 1200,
      outputTokens: 300,
      cacheReadTokens: 1024,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 0,
    });
  });

  it("accepts every optional field, nulls for absent ones, offsets and fractional milliseconds", () => {
    const v = validateEvent(
      event({
        timestamp: "2026-11-22T13:30:00.123456+02:00",
        region: "eu-west-1",
        tenant: " acme ",
        feature: "search",
        route: "/api/search",
        workloadClass: "batch",
        taskId: "task-9",
        attempt: 2,
        fallbackFrom: "anthropic/claude-sonnet-4-5",
        status: "error",
        errorType: "server_error",
        httpStatus: 500,
        usageFormat: "openai.chat",
        usage: { prompt_tokens: 10, completion_tokens: 2 },
        latencyMs: 1234.6,
        ttftMs: 200.2,
        queueMs: null,
        costUsd: "0.0000123",
        metadata: { experiment: "b", nested: { a: [1, 2] } },
      }),
      currentTimeWindow(NOW),
    );
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.event).toMatchObject({
      tenant: "acme",
      taskId: "task-9",
      attempt: 2,
      latencyMs: 1235,
      ttftMs: 200,
      queueMs: null,
      costUsd: "0.0000123",
      httpStatus: 500,
      fallbackFrom: "anthropic/claude-sonnet-4-5",
    });
    expect(v.event.timestamp.toISOString()).toBe("2026-11-22T11:30:00.123Z");
    expect(JSON.parse(v.event.metadataJson!)).toEqual({ experiment: "b", nested: { a: [1, 2] } });
  });

  it.each([
    ["a string", "not an event", "invalid_event"],
    ["an array", [event()], "invalid_event"],
    ["a missing id", event({ id: undefined }), "invalid_event"],
    ["a missing usage", event({ usage: undefined }), "invalid_event"],
    ["a numeric id", event({ id: 42 }), "invalid_event"],
    ["an unknown field", event({ tenantId: "acme" }), "invalid_event"],
    ["an unknown status", event({ status: "success" }), "invalid_event"],
    ["an unknown workload class", event({ workloadClass: "urgent" }), "invalid_event"],
    ["attempt 0", event({ attempt: 0 }), "invalid_event"],
    ["a bad fallbackFrom", event({ fallbackFrom: "gpt-4o" }), "invalid_event"],
    ["an http status of 1000", event({ httpStatus: 1000 }), "invalid_event"],
    ["a date without a zone", event({ timestamp: "2026-11-22T11:00:00" }), "invalid_timestamp"],
    ["an impossible date", event({ timestamp: "2026-02-30T11:00:00Z" }), "invalid_timestamp"],
    ["a date in the far future", event({ timestamp: "2026-11-22T13:00:00Z" }), "timestamp_in_future"],
    ["a date beyond retention", event({ timestamp: "2025-10-01T00:00:00Z" }), "timestamp_too_old"],
    ["negative input tokens", event({ usage: { inputTokens: -5, outputTokens: 1 } }), "negative_tokens"],
    [
      "negative provider-format tokens",
      event({ usageFormat: "anthropic", usage: { input_tokens: 5, output_tokens: -1 } }),
      "negative_tokens",
    ],
    ["absurd token counts", event({ usage: { inputTokens: 5e9, outputTokens: 1 } }), "absurd_tokens"],
    ["usage that is a number", event({ usage: 12 }), "invalid_usage"],
    ["cached above input", event({ usage: { inputTokens: 5, outputTokens: 1, cacheReadTokens: 6 } }), "invalid_usage"],
    ["an unknown usage format", event({ usageFormat: "gemini" }), "invalid_event"],
    ["negative latency", event({ latencyMs: -1 }), "absurd_latency"],
    ["latency in microseconds", event({ latencyMs: 9e10 }), "absurd_latency"],
    ["ttft above latency", event({ ttftMs: 900 }), "absurd_latency"],
    ["a negative cost", event({ costUsd: -0.01 }), "invalid_cost"],
    ["a non-numeric cost", event({ costUsd: "12 dollars" }), "invalid_cost"],
    ["a huge cost", event({ costUsd: 1e9 }), "invalid_cost"],
    ["metadata that is an array", event({ metadata: [1] }), "invalid_metadata"],
    ["oversized metadata", event({ metadata: { blob: "x".repeat(20_000) } }), "invalid_metadata"],
    ["metadata with NUL", event({ metadata: { a: "x\u0000y" } }), "invalid_metadata"],
    ["an empty model", event({ model: "  " }), "invalid_text"],
    ["a tenant with NUL", event({ tenant: "a\u0000b" }), "invalid_text"],
    ["an overlong id", event({ id: "x".repeat(300) }), "invalid_text"],
    // Issue 10, item 1: decimal strings are bounded by shape before decimal.js sees them.
    ["a cost with a huge exponent", event({ costUsd: "1e-1000000" }), "invalid_cost"],
    ["a cost with 47 digits", event({ costUsd: `0.${"0".repeat(45)}1` }), "invalid_cost"],
    // Issue 10, item 4: poison metadata and ill-formed UTF-16 are refused item by item.
    ["metadata nested 33 levels", event({ metadata: nest(33) }), "invalid_metadata"],
    ["metadata nested 5,000 levels", event({ metadata: nest(5000) }), "invalid_metadata"],
    ["a lone surrogate in a metadata key", event({ metadata: { "k\ud800": 1 } }), "invalid_metadata"],
    ["a lone surrogate in a metadata value", event({ metadata: { a: { b: ["\udfff"] } } }), "invalid_metadata"],
    ["a lone surrogate in the id", event({ id: "evt-\ud800" }), "invalid_text"],
    ["a lone surrogate in the model", event({ model: "gpt-\udc00" }), "invalid_text"],
    ["a lone surrogate in errorType", event({ status: "error", errorType: "\ud83d" }), "invalid_text"],
    ["a lone surrogate in fallbackFrom", event({ fallbackFrom: "openai/gpt-\ud800" }), "invalid_text"],
  ])("rejects %s", (_label, item, code) => {
    const r = rejected(item);
    expect(r.code).toBe(code);
    expect(r.message.length).toBeGreaterThan(5);
  });

  it("accepts metadata 32 levels deep, paired surrogates (emoji) and a literal backslash-u text", () => {
    const v = validateEvent(
      event({ model: "gpt-\u{1F600}", tenant: "\\ud800", metadata: { deep: nest(31), emoji: "\u{1F600}", text: "\\ud800 \\u0000" } }),
      currentTimeWindow(NOW),
    );
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.event.model).toBe("gpt-\u{1F600}");
    expect(JSON.parse(v.event.metadataJson!).text).toBe("\\ud800 \\u0000");
  });

  it("names the field and the depth limit", () => {
    expect(rejected(event({ tenant: "acme\udbff" })).message).toMatch(/^tenant: .*surrogate/);
    expect(rejected(event({ metadata: nest(5000) })).message).toMatch(/^metadata: .*32 levels/);
    expect(rejected(event({ costUsd: "1e-300000000" })).message).toMatch(/^costUsd: .*exponent/);
  });

  it("names the unknown field and the missing one", () => {
    expect(rejected(event({ tenantId: "acme" })).message).toContain("'tenantId'");
    expect(rejected(event({ latencyMs: undefined })).message).toBe("latencyMs is required");
  });

  it("reads the time window from the environment", () => {
    process.env.UNITSCOPE_RETENTION_DAYS = "30";
    expect(rejected(event({ timestamp: "2026-10-01T00:00:00Z" })).code).toBe("timestamp_too_old");
    process.env.UNITSCOPE_INGEST_MAX_FUTURE_SECONDS = "7200";
    expect(validateEvent(event({ timestamp: "2026-11-22T13:00:00Z" }), currentTimeWindow(NOW)).ok).toBe(true);
  });
});
