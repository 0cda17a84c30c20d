import type { CatalogIndex } from "./catalog-index";

/**
 * THE canonical vendor names: raw provider names and aliases (as clients, SDKs, gateways and the
 * OpenTelemetry GenAI semantic conventions spell them; matched lower-cased and trimmed) → one short id,
 * so one vendor is one row in the dashboards whatever reported it. Every ingest path applies it (REST
 * and OTLP, lib/ingest/canonical-event.ts) and the migration 20261124010000_canonical_providers holds
 * the same list for rows stored before (canonical-names-migration.test.ts keeps the two equal).
 * Unknown names are only lower-cased.
 *
 * Canonicalisation must never move a cost. So the rule for an entry: the catalog already resolves the
 * alias to the very provider it resolves the canonical name to (canonical-names.test.ts proves it for
 * every entry against the installed catalog), and a canonical name that the catalog knows IS that
 * catalog provider's id. That is why resellers stay distinct: Bedrock (`aws`) and Azure (`azure`) have
 * price lists of their own (Azure's o4-mini cache read is 0.28 $/Mtok, OpenAI's 0.275), so `bedrock`
 * is never `anthropic` and `azure` never `openai`; while Vertex AI and the Gemini API are one catalog
 * provider (`google`, whose provider_match is google|vertex|gemini), so `vertex_ai`, `gcp.vertex_ai`
 * and `google` are one vendor.
 */
const PROVIDER_ALIASES: Record<string, string> = {
  openai: "openai",
  anthropic: "anthropic",
  // Amazon Bedrock: its own price list (catalog provider aws).
  aws: "aws",
  "aws.bedrock": "aws",
  bedrock: "aws",
  amazon_bedrock: "aws",
  "amazon-bedrock": "aws",
  // Azure: its own price list (catalog provider azure, OpenAI models as fallback).
  azure: "azure",
  azure_openai: "azure",
  "azure-openai": "azure",
  azure_ai: "azure",
  "azure-ai": "azure",
  // Google: the Gemini API and Vertex AI share one price list (catalog provider google).
  google: "google",
  gemini: "google",
  "gcp.gemini": "google",
  "gcp.vertex_ai": "google",
  vertex_ai: "google",
  vertexai: "google",
  vertex: "google",
  vertex_ai_beta: "google",
  google_genai: "google",
  "google-genai": "google",
  "google-vertex": "google",
  mistral: "mistral",
  mistral_ai: "mistral",
  mistralai: "mistral",
  "x-ai": "x-ai",
  xai: "x-ai",
  grok: "x-ai",
  together: "together",
  together_ai: "together",
  "together-ai": "together",
  fireworks: "fireworks",
  fireworks_ai: "fireworks",
  "fireworks-ai": "fireworks",
  groq: "groq",
  deepseek: "deepseek",
  cohere: "cohere",
  perplexity: "perplexity",
  "ibm.watsonx.ai": "ibm",
};

/**
 * OpenTelemetry names whose canonical vendor the catalog would NOT reach from the raw name: the
 * catalog's loose provider_match sends `az.ai.openai` to OpenAI ("contains openai") and knows no
 * `x_ai` or `gcp.gen_ai`. The OTLP path has always priced these as the named cloud (Azure's list);
 * the REST path has always priced them through the catalog (OpenAI's list). Merging them on REST would
 * change those events' costs, so only OTLP applies them: each path keeps exactly the prices it had.
 */
const SEMCONV_ONLY_ALIASES: Record<string, string> = {
  "azure.ai.openai": "azure",
  "az.ai.openai": "azure",
  "azure.ai.inference": "azure",
  "az.ai.inference": "azure",
  x_ai: "x-ai",
  "gcp.gen_ai": "google",
};

const ALIASES: ReadonlyMap<string, string> = new Map(Object.entries(PROVIDER_ALIASES));
const SEMCONV: ReadonlyMap<string, string> = new Map([...ALIASES, ...Object.entries(SEMCONV_ONLY_ALIASES)]);

/** The alias table as [raw, canonical] pairs (for the migration's VALUES list and its test). */
export function providerAliasEntries(): [string, string][] {
  return Object.entries(PROVIDER_ALIASES);
}

/** The OTLP-only entries (see SEMCONV_ONLY_ALIASES). */
export function semconvOnlyAliasEntries(): [string, string][] {
  return Object.entries(SEMCONV_ONLY_ALIASES);
}

/**
 * The canonical vendor of a raw provider name: a Map lookup (the ingest hot path calls it per event).
 * `semconv`: the name came as an OpenTelemetry attribute (OTLP), where the semconv-only names apply too.
 */
export function canonicalProvider(raw: string, opts?: { semconv?: boolean }): string {
  const table = opts?.semconv ? SEMCONV : ALIASES;
  const hit = table.get(raw);
  if (hit !== undefined) return hit;
  const key = raw.trim().toLowerCase();
  return table.get(key) ?? key;
}

/**
 * The model's family name under its (canonical) provider: `anthropic/claude-3-5-haiku` sent with
 * provider `anthropic` is `claude-3-5-haiku`, one model in the dashboards. Only the provider-prefix
 * form, and only where the catalog resolves the prefixed name to the very model the bare name resolves
 * to (so both are priced from the same rows, by construction); anything else — a model the catalog
 * does not know, a prefix naming another vendor (a gateway's `anthropic/…` under `openrouter`) — is
 * kept as sent. Dated snapshots stay distinct models: the catalog may price them apart.
 */
export function canonicalModel(catalog: CatalogIndex, provider: string, model: string): string {
  const slash = model.indexOf("/");
  if (slash <= 0 || slash === model.length - 1) return model;
  if (canonicalProvider(model.slice(0, slash)) !== provider) return model;
  const prefixed = catalog.resolve(provider, model);
  if (!prefixed) return model;
  const bare = model.slice(slash + 1);
  return catalog.resolve(provider, bare)?.model === prefixed.model ? bare : model;
}
