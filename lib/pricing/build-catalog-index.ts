import { CatalogIndex, type IndexedModel, type IndexedProvider } from "./catalog-index";
import type { CatalogData } from "./catalog-from-genai-prices";

/**
 * Builds the in-memory index straight from converted catalog data (row ids numbered in order), without
 * a database. The database path (load-pricing.ts) builds the same structure from the stored rows.
 */
export function buildCatalogIndex(data: CatalogData): CatalogIndex {
  const providers = new Map<string, IndexedProvider>(data.providers.map((p) => [p.id, { ...p, models: [] }]));
  const models = new Map<string, IndexedModel>();
  for (const m of data.models) {
    const model: IndexedModel = { ...m, rows: [] };
    models.set(`${m.providerId}\u0000${m.modelId}`, model);
    providers.get(m.providerId)?.models.push(model);
  }
  data.rows.forEach((r, i) => models.get(`${r.providerId}\u0000${r.modelId}`)?.rows.push({ ...r, id: i + 1, catalogId: null }));
  return new CatalogIndex([...providers.values()]);
}
