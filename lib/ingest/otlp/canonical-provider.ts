/**
 * Provider names as they arrive in traces (GenAI semconv `gen_ai.provider.name`, legacy `gen_ai.system`,
 * OpenInference `llm.provider` / `llm.system`) mapped to the short ids the pricing catalogue and the
 * dashboards use, so one vendor is one row whatever instrumentation reported it. Unknown values are
 * kept (lower-cased): they are still stored, just not merged with anything.
 */
const ALIASES: Record<string, string> = {
  openai: "openai",
  anthropic: "anthropic",
  "aws.bedrock": "aws",
  aws: "aws",
  bedrock: "aws",
  "azure.ai.openai": "azure",
  "az.ai.openai": "azure",
  "azure.ai.inference": "azure",
  "az.ai.inference": "azure",
  azure: "azure",
  "gcp.gemini": "google",
  "gcp.vertex_ai": "google",
  "gcp.gen_ai": "google",
  gemini: "google",
  vertex_ai: "google",
  vertexai: "google",
  google: "google",
  mistral_ai: "mistral",
  mistralai: "mistral",
  mistral: "mistral",
  x_ai: "x-ai",
  xai: "x-ai",
  "x-ai": "x-ai",
  groq: "groq",
  deepseek: "deepseek",
  cohere: "cohere",
  perplexity: "perplexity",
  "ibm.watsonx.ai": "ibm",
};

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

export function canonicalProvider(raw: string): string {
  const key = raw.trim().toLowerCase();
  return ALIASES[key] ?? key;
}

export function providerFromHost(host: string): string | undefined {
  const h = host.trim().toLowerCase();
  return HOSTS.find(([re]) => re.test(h))?.[1];
}
