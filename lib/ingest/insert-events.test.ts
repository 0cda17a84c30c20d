import { describe, expect, it } from "vitest";
import { CopyBuffer } from "./copy-buffer";
import { COLUMNS, writeCopyRow, type EventCost } from "./insert-events";
import type { UsageEvent } from "./event-schema";

/** A minimal RFC 4180 reader for one line: [value, quoted] per field (unquoted empty = NULL for COPY). */
function readCsvLine(line: string): [string, boolean][] {
  const out: [string, boolean][] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push([v, true]);
    } else {
      const end = line.indexOf(",", i) === -1 ? line.length : line.indexOf(",", i);
      out.push([line.slice(i, end), false]);
      i = end;
    }
    i++; // the comma
  }
  return out;
}

const event = (over: Partial<UsageEvent> = {}): UsageEvent => ({
  id: 'id,"1"',
  timestamp: new Date("2026-11-22T11:59:00.123Z"),
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
  usage: { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 1000, cacheWriteTokens: 100, cacheWrite1hTokens: 50, reasoningTokens: 20 },
  latencyMs: 1235,
  ttftMs: 200,
  queueMs: 3,
  costUsd: "0.0000123",
  metadataJson: '{"a":"\\"q\\""}',
  ...over,
});

describe("writeCopyRow", () => {
  it("writes every column of COLUMNS, in order, quoted text and NULL as an empty unquoted field", () => {
    const cost: EventCost = { priced: true, listCostUsd: "0.0123", effectiveCostUsd: "0.01" };
    const e = event();
    // What each column must hold, stated independently of the writer.
    const expected: Record<string, [string, boolean]> = {
      workspace_id: ["42", false],
      ts: ["2026-11-22T11:59:00.123Z", false],
      event_id: ['id,"1"', true],
      provider: ["anthropic", true],
      model: ["claude-sonnet-4-5", true],
      region: ["eu-west-1", true],
      tenant: ["acme, inc", true],
      feature: ["search\nnext line", true],
      route: ["/api/x", true],
      workload_class: ["batch", true],
      task_id: ["task-9", true],
      attempt: ["2", false],
      fallback_from: ["openai/gpt-4o", true],
      status: ["error", true],
      error_type: ["é ✓ 🚀", true],
      http_status: ["500", false],
      input_tokens: ["1200", false],
      output_tokens: ["300", false],
      cache_read_tokens: ["1000", false],
      cache_write_tokens: ["100", false],
      cache_write_1h_tokens: ["50", false],
      reasoning_tokens: ["20", false],
      latency_ms: ["1235", false],
      ttft_ms: ["200", false],
      queue_ms: ["3", false],
      reported_cost_usd: ["0.0000123", false],
      list_cost_usd: ["0.0123", false],
      effective_cost_usd: ["0.01", false],
      priced: ["t", false],
      metadata: ['{"a":"\\"q\\""}', true],
    };
    expect(COLUMNS.map((c) => c.name)).toEqual(Object.keys(expected));
    const read = (ev: UsageEvent, c: EventCost) => {
      const out = new CopyBuffer(16);
      writeCopyRow(out, 42, ev, c);
      const text = out.bytes().toString("utf8");
      expect(text.endsWith("\n")).toBe(true);
      return readCsvLine(text.slice(0, -1)); // newlines inside quoted fields are data
    };
    expect(read(e, cost)).toEqual(Object.values(expected));

    const nulls = read(
      event({ region: null, tenant: null, feature: null, route: null, workloadClass: null, fallbackFrom: null, errorType: null, httpStatus: null, ttftMs: null, queueMs: null, costUsd: null, metadataJson: null }),
      { priced: false, listCostUsd: "0", effectiveCostUsd: "0" },
    );
    const nullable = ["region", "tenant", "feature", "route", "workload_class", "fallback_from", "error_type", "http_status", "ttft_ms", "queue_ms", "reported_cost_usd", "metadata"];
    COLUMNS.forEach((col, k) => {
      if (nullable.includes(col.name)) expect(nulls[k], col.name).toEqual(["", false]);
      else expect(nulls[k]![0], col.name).not.toBe("");
    });
  });
});
