import { describe, expect, it } from "vitest";
import { firstEventCurl, otelSnippet } from "./first-event-snippets";

describe("first-event snippets", () => {
  it("posts a contract-shaped event to this origin", () => {
    const curl = firstEventCurl("https://unitscope.example.com", new Date("2026-11-22T10:11:12.345Z"));
    expect(curl.split("\n")[0]).toBe("curl -X POST https://unitscope.example.com/api/v1/events \\");
    expect(curl).toContain('-H "Authorization: Bearer $UNITSCOPE_API_KEY"');
    const body = JSON.parse(curl.slice(curl.indexOf("-d '") + 4, curl.lastIndexOf("'")));
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({
      id: "evt-first-0001",
      timestamp: "2026-11-22T10:11:12.000Z",
      provider: "openai",
      status: "ok",
      usage: { inputTokens: 1200, outputTokens: 300 },
      latencyMs: 850,
    });
  });

  it("points OpenTelemetry at /api/otlp", () => {
    expect(otelSnippet("http://localhost:3000")).toContain("OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:3000/api/otlp");
  });
});
