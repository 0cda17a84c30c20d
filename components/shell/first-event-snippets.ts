/** A realistic event stamped "now" so the example lands inside every preset range at once. */
export function firstEventCurl(origin: string, now: Date = new Date()): string {
  const event = {
    id: "evt-first-0001",
    timestamp: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(),
    provider: "openai",
    model: "gpt-4o-mini",
    feature: "chat",
    tenant: "acme",
    status: "ok",
    usage: { inputTokens: 1200, outputTokens: 300 },
    latencyMs: 850,
  };
  return [
    `curl -X POST ${origin}/api/v1/events \\`,
    `  -H "Authorization: Bearer $UNITSCOPE_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify({ events: [event] }, null, 2)}'`,
  ].join("\n");
}

export function otelSnippet(origin: string): string {
  return [`OTEL_EXPORTER_OTLP_ENDPOINT=${origin}/api/otlp`, `OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer $UNITSCOPE_API_KEY"`].join(
    "\n",
  );
}
