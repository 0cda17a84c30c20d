import { describe, expect, it } from "vitest";
import { CopyBuffer } from "./copy-buffer";
import { COLUMNS, writeCopyRow, type EventCost } from "./insert-events";
import type { IngestEvent } from "./event-schema";
import { decodeNumeric, decodeTimestamptz, readBinaryCopy } from "./testing/read-binary-copy";

const event = (over: Partial<IngestEvent> = {}): IngestEvent => ({
  id: 'id,"1"',
  timestampMs: Date.parse("2026-11-22T11:59:00.123Z"),
  provider: "anthropic",
  model: "claude-sonnet-4-5",
  region: "eu-west-1",
  tenant: "acme, inc",
  feature: "search\nnext line",
  route: "/api/x",
  workloadClass: "batch",
  taskId: "task-9",
  attempt: 2,
  fallbackFrom: "openai/gpt-4o",
  status: "error",
  errorType: "é ✓ 🚀",
  httpStatus: 500,
  usage: {
    inputTokens: 1200,
    outputTokens: 300,
    cacheReadTokens: 1000,
    cacheWriteTokens: 100,
    cacheWrite1hTokens: 50,
    reasoningTokens: 20,
  },
  latencyMs: 1235,
  ttftMs: 200,
  queueMs: 3,
  costUsd: "0.0000123",
  metadataJson: '{"a":"\\"q\\""}',
  ...over,
});

describe("writeCopyRow", () => {
  it("writes every column of COLUMNS, in order, in its column's binary format, NULL where absent", () => {
    const cost: EventCost = { priced: true, listCostUsd: "0.0123", effectiveCostUsd: "0.01" };
    const decode: Record<string, (b: Buffer) => unknown> = {
      int4: (b) => b.readInt32BE(0),
      int2: (b) => b.readInt16BE(0),
      text: (b) => b.toString("utf8"),
      timestamptz: (b) => new Date(decodeTimestamptz(b)).toISOString(),
      numeric: decodeNumeric,
      bool: (b) => b[0] === 1,
      jsonb: (b) => (b[0] === 1 ? JSON.parse(b.subarray(1).toString("utf8")) : "bad version"),
    };
    // What each column must hold, stated independently of the writer.
    const expected: Record<string, unknown> = {
      workspace_id: 42,
      ts: "2026-11-22T11:59:00.123Z",
      event_id: 'id,"1"',
      provider: "anthropic",
      model: "claude-sonnet-4-5",
      region: "eu-west-1",
      tenant: "acme, inc",
      feature: "search\nnext line",
      route: "/api/x",
      workload_class: "batch",
      task_id: "task-9",
      attempt: 2,
      fallback_from: "openai/gpt-4o",
      status: "error",
      error_type: "é ✓ 🚀",
      http_status: 500,
      input_tokens: 1200,
      output_tokens: 300,
      cache_read_tokens: 1000,
      cache_write_tokens: 100,
      cache_write_1h_tokens: 50,
      reasoning_tokens: 20,
      latency_ms: 1235,
      ttft_ms: 200,
      queue_ms: 3,
      reported_cost_usd: "0.0000123",
      list_cost_usd: "0.0123",
      effective_cost_usd: "0.01",
      priced: true,
      metadata: { a: '"q"' },
    };
    expect(COLUMNS.map((c) => c.name)).toEqual(Object.keys(expected));
    const read = (ev: IngestEvent, c: EventCost) => {
      const out = new CopyBuffer(16);
      writeCopyRow(out, 42, ev, c);
      const rows = readBinaryCopy(out.finish());
      expect(rows).toHaveLength(1);
      return rows[0]!.map((f, k) => (f === null ? null : decode[COLUMNS[k]!.type]!(f)));
    };
    expect(read(event(), cost)).toEqual(Object.values(expected));

    const nulls = read(
      event({
        region: null,
        tenant: null,
        feature: null,
        route: null,
        workloadClass: null,
        fallbackFrom: null,
        errorType: null,
        httpStatus: null,
        ttftMs: null,
        queueMs: null,
        costUsd: null,
        metadataJson: null,
      }),
      { priced: false, listCostUsd: "0", effectiveCostUsd: "0" },
    );
    const nullable = [
      "region",
      "tenant",
      "feature",
      "route",
      "workload_class",
      "fallback_from",
      "error_type",
      "http_status",
      "ttft_ms",
      "queue_ms",
      "reported_cost_usd",
      "metadata",
    ];
    COLUMNS.forEach((col, k) => {
      if (nullable.includes(col.name)) expect(nulls[k], col.name).toBeNull();
      else expect(nulls[k], col.name).not.toBeNull();
    });
    expect(nulls[COLUMNS.findIndex((c) => c.name === "list_cost_usd")]).toBe("0");
  });
});
