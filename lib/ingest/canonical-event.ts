import type { CatalogIndex } from "@/lib/pricing/catalog-index";
import { canonicalModel, canonicalProvider } from "@/lib/pricing/canonical-names";
import type { IngestEvent } from "./event-schema";

/** Metadata keys that keep the names as sent when the stored ones are canonical. */
export const PROVIDER_RAW_KEY = "provider_raw";
export const MODEL_RAW_KEY = "model_raw";

/**
 * A validated event with its vendor and model family canonical (lib/pricing/canonical-names.ts), the
 * names as sent kept in metadata (`provider_raw`, `model_raw`) only when they differ, so the common row
 * carries nothing extra. Runs once per event after validation, for every path (REST JSON and NDJSON,
 * OTLP, the seeder): the fast parser and the schema both hand their event here, so they cannot
 * disagree on it. Returns the event itself when nothing changes (no allocation on the common path).
 */
export function canonicalEvent(catalog: CatalogIndex, e: IngestEvent): IngestEvent {
  const provider = canonicalProvider(e.provider);
  const model = canonicalModel(catalog, provider, e.model);
  if (provider === e.provider && model === e.model) return e;
  let metadataJson = e.metadataJson;
  if (provider !== e.provider) metadataJson = withKey(metadataJson, PROVIDER_RAW_KEY, e.provider);
  if (model !== e.model) metadataJson = withKey(metadataJson, MODEL_RAW_KEY, e.model);
  return { ...e, provider, model, metadataJson };
}

/**
 * Adds a key to metadata JSON text (always an object). Appended last: jsonb keeps the last of duplicate
 * keys, so the name as received wins over a client's own `provider_raw`. The limit on metadata size is
 * the client's; these few bytes are ours.
 */
function withKey(json: string | null, key: string, value: string): string {
  const pair = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
  if (json === null) return `{${pair}}`;
  const body = json.slice(0, json.lastIndexOf("}")).trimEnd();
  return body === "{" ? `{${pair}}` : `${body},${pair}}`;
}
