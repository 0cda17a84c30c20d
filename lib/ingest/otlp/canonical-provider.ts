import { canonicalProvider } from "@/lib/pricing/canonical-names";

/**
 * Provider names as they arrive in traces (GenAI semconv `gen_ai.provider.name`, legacy `gen_ai.system`,
 * OpenInference `llm.provider` / `llm.system`) → the canonical vendor ids of lib/pricing/canonical-names.ts
 * (the one table every ingest path uses), with the OpenTelemetry-only names (`az.ai.openai` → azure …)
 * that OTLP has always priced as the named cloud. Unknown values are kept (lower-cased).
 */
export function canonicalSpanProvider(raw: string): string {
  return canonicalProvider(raw, { semconv: true });
}

/** Hosts of the providers' APIs, for spans that name no provider but carry `server.address`. */
const HOSTS: [RegExp, string][] = [
  [/\.openai\.azure\.com$/, "azure"],
  [/(^|\.)api\.openai\.com$/, "openai"],
  [/(^|\.)api\.anthropic\.com$/, "anthropic"],
  [/(^|\.)generativelanguage\.googleapis\.com$/, "google"],
  [/aiplatform\.googleapis\.com$/, "google"],
  [/^bedrock-runtime\..*\.amazonaws\.com$/, "aws"],
  [/(^|\.)api\.mistral\.ai$/, "mistral"],
  [/(^|\.)api\.groq\.com$/, "groq"],
  [/(^|\.)api\.deepseek\.com$/, "deepseek"],
  [/(^|\.)api\.x\.ai$/, "x-ai"],
  [/(^|\.)api\.cohere\.(ai|com)$/, "cohere"],
];

export function providerFromHost(host: string): string | undefined {
  const h = host.trim().toLowerCase();
  return HOSTS.find(([re]) => re.test(h))?.[1];
}
