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
  it("writes every column of COLUMNS, in order, with the values COLUMNS names", () => {
    const cost: EventCost = { priced: true, listCostUsd: "0.0123", effectiveCostUsd: "0.01" };
    for (const e of [
      event(),
      event({ region: null, tenant: null, feature: null, route: null, workloadClass: null, fallbackFrom: null, errorType: null, httpStatus: null, ttftMs: null, queueMs: null, costUsd: null, metadataJson: null }),
    ]) {
      const out = new CopyBuffer(16);
      writeCopyRow(out, 42, e, cost);
      const text = out.bytes().toString("utf8");
      expect(text.endsWith("\n")).toBe(true);
      // Newlines inside quoted fields are data: read the row as a whole.
      const fields = readCsvLine(text.slice(0, -1));
      expect(fields).toHaveLength(COLUMNS.length + 1);
      expect(fields[0]).toEqual(["42", false]);
      COLUMNS.forEach((col, k) => {
        const want = col.value(e, cost);
        const [got, quoted] = fields[k + 1]!;
        if (want === null) expect([got, quoted], col.name).toEqual(["", false]);
        else if (typeof want === "boolean") expect(got, col.name).toBe(want ? "t" : "f");
        else expect(got, col.name).toBe(String(want));
        if (typeof want === "string" && col.type === "text") expect(quoted, col.name).toBe(true);
      });
    }
  });
});
