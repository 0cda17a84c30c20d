import type { Database } from "@/lib/db/open-database";
import type { MatchLogic } from "./match-model-name";
import { CatalogIndex, type IndexedModel, type IndexedProvider } from "./catalog-index";
import type { ContractKind, ContractTerm } from "./contract-term";
import { ensureCatalogLoaded } from "./load-catalog";
import { PRICE_ROW_SQL, planFromColumns, priceRowFromDb, type PriceColumns, type PriceRowRecord } from "./price-row-from-db";
import { priceVariantSchema } from "./price-schemas";

export type LoadedCatalog = {
  generation: number;
  index: CatalogIndex;
  catalog: { id: number; source: string; version: string; releasedOn: string | null; loadedAt: Date } | null;
};

type Cache = {
  catalog?: Promise<LoadedCatalog>;
  catalogGeneration?: number;
  contractGeneration?: number;
  terms: Map<number, Promise<ContractTerm[]>>;
};

// Per Database (tests open several), per process. Entries are replaced when the generation moves.
const caches = new WeakMap<Database, Cache>();

/**
 * The catalog index and the workspace's contract terms, from the in-process cache. One query per
 * call reads the generation counters that triggers bump on every price/contract write, so a change
 * made by any process is seen by the next batch.
 */
export async function loadPricing(db: Database, workspaceId: number): Promise<{ catalog: LoadedCatalog; terms: ContractTerm[] }> {
  await ensureCatalogLoaded(db);
  const [gen] = await db.sql.query<{ catalog_generation: number; contract_generation: number }>(
    `SELECT catalog_generation, contract_generation FROM pricing_state WHERE id = 1`,
  );
  let cache = caches.get(db);
  if (!cache) {
    cache = { terms: new Map() };
    caches.set(db, cache);
  }
  const catalogGen = gen?.catalog_generation ?? 0;
  const contractGen = gen?.contract_generation ?? 0;
  if (cache.catalogGeneration !== catalogGen || !cache.catalog) {
    cache.catalogGeneration = catalogGen;
    cache.catalog = loadCatalogIndex(db, catalogGen);
    cache.catalog.catch(() => (cache.catalog = undefined));
  }
  if (cache.contractGeneration !== contractGen) {
    cache.contractGeneration = contractGen;
    cache.terms = new Map();
  }
  let terms = cache.terms.get(workspaceId);
  if (!terms) {
    terms = loadContractTerms(db, workspaceId);
    terms.catch(() => cache.terms.delete(workspaceId));
    cache.terms.set(workspaceId, terms);
  }
  return { catalog: await cache.catalog, terms: await terms };
}

async function loadCatalogIndex(db: Database, generation: number): Promise<LoadedCatalog> {
  const providers = await db.sql.query<{
    id: string;
    name: string;
    provider_match: MatchLogic | null;
    model_match: MatchLogic | null;
    fallback_providers: string[];
    pricing_urls: string[];
  }>(`SELECT id, name, provider_match, model_match, fallback_providers, pricing_urls FROM price_providers ORDER BY id`);
  const models = await db.sql.query<{
    provider_id: string;
    model_id: string;
    name: string | null;
    match: MatchLogic;
    position: number;
    context_window: number | null;
    price_comments: string | null;
    deprecated: boolean;
  }>(
    `SELECT provider_id, model_id, name, match, position, context_window, price_comments, deprecated FROM price_models ORDER BY provider_id, position`,
  );
  const rows = (await db.sql.query<PriceRowRecord>(`SELECT ${PRICE_ROW_SQL} FROM price_rows`)).map(priceRowFromDb);
  const [cat] = await db.sql.query<{ id: number; source: string; version: string; released_on: string | Date | null; loaded_at: Date }>(
    `SELECT id, source, version, to_char(released_on, 'YYYY-MM-DD') AS released_on, loaded_at FROM price_catalogs ORDER BY loaded_at DESC, id DESC LIMIT 1`,
  );
  const byModel = new Map<string, IndexedModel>();
  const byProvider = new Map<string, IndexedProvider>();
  for (const p of providers) {
    byProvider.set(p.id, {
      id: p.id,
      name: p.name,
      providerMatch: p.provider_match,
      modelMatch: p.model_match,
      fallbackProviders: p.fallback_providers ?? [],
      pricingUrls: p.pricing_urls ?? [],
      models: [],
    });
  }
  for (const m of models) {
    const model: IndexedModel = {
      providerId: m.provider_id,
      modelId: m.model_id,
      name: m.name,
      match: m.match,
      position: m.position,
      contextWindow: m.context_window,
      priceComments: m.price_comments,
      deprecated: m.deprecated,
      rows: [],
    };
    byModel.set(`${m.provider_id}\u0000${m.model_id}`, model);
    byProvider.get(m.provider_id)?.models.push(model);
  }
  for (const r of rows) byModel.get(`${r.providerId}\u0000${r.modelId}`)?.rows.push(r);
  return {
    generation,
    index: new CatalogIndex([...byProvider.values()]),
    catalog: cat
      ? { id: cat.id, source: cat.source, version: cat.version, releasedOn: dateOnly(cat.released_on), loadedAt: cat.loaded_at }
      : null,
  };
}

function dateOnly(v: string | Date | null): string | null {
  if (v === null) return null;
  return typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}

type TermRecord = PriceColumns & {
  id: number;
  kind: ContractKind;
  name: string;
  provider: string | null;
  model: string | null;
  variant: string | null;
  discount_percent: string | null;
  monthly_amount_usd: string | null;
  effective_from: Date;
  effective_to: Date | null;
  rates: { month: string; rate: string }[] | null;
};

export async function loadContractTerms(db: Database, workspaceId: number): Promise<ContractTerm[]> {
  const rows = await db.sql.query<TermRecord>(
    `SELECT t.id, t.kind, t.name, t.provider, t.model, t.variant, t.discount_percent::text AS discount_percent,
            t.monthly_amount_usd::text AS monthly_amount_usd, t.effective_from, t.effective_to,
            t.input_per_mtok::text AS input_per_mtok, t.output_per_mtok::text AS output_per_mtok,
            t.cache_read_per_mtok::text AS cache_read_per_mtok, t.cache_write_per_mtok::text AS cache_write_per_mtok,
            t.cache_write_1h_per_mtok::text AS cache_write_1h_per_mtok, t.reasoning_per_mtok::text AS reasoning_per_mtok, t.tiers,
            (SELECT json_agg(json_build_object('month', to_char(a.month, 'YYYY-MM'), 'rate', a.usd_per_token::text))
               FROM commitment_allocations a WHERE a.term_id = t.id) AS rates
     FROM contract_terms t WHERE t.workspace_id = $1 ORDER BY t.id`,
    [workspaceId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    provider: r.provider,
    model: r.model,
    variant: r.variant === null ? null : priceVariantSchema.parse(r.variant),
    discountPercent: r.discount_percent,
    plan: r.kind === "custom_price" ? planFromColumns(r) : null,
    monthlyAmountUsd: r.monthly_amount_usd,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    usdPerTokenByMonth: new Map((r.rates ?? []).map((x) => [x.month, x.rate])),
  }));
}
