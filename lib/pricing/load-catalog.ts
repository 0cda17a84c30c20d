import type { Database } from "@/lib/db/open-database";
import type { SqlExecutor } from "@/lib/db/sql";
import { catalogFromGenaiPrices, type CatalogRowDraft } from "./catalog-from-genai-prices";
import { readCatalogSource, type CatalogSource } from "./catalog-source";
import { PRICE_ROW_SQL, priceRowFromDb, type PriceRowRecord } from "./price-row-from-db";

export type CatalogLoadResult = { catalogId: number; loaded: boolean; version: string; rowsInserted: number; rowsClosed: number };

/** Serialises catalog loads across processes (app and worker may start together). */
const CATALOG_LOCK = 72707401;

const loadedThisProcess = new WeakMap<Database, Promise<CatalogLoadResult>>();

/** Loads the installed catalog once per database and process (cheap check when already loaded). */
export function ensureCatalogLoaded(db: Database): Promise<CatalogLoadResult> {
  let p = loadedThisProcess.get(db);
  if (!p) {
    p = readCatalogSource().then((src) => loadCatalog(db, src));
    p.catch(() => loadedThisProcess.delete(db));
    loadedThisProcess.set(db, p);
  }
  return p;
}

/**
 * Writes a catalog release into price_providers / price_models / price_rows. The first load takes the
 * catalog's rows as they are (undated base prices hold since the beginning; dated changes from their
 * date). A later release with different prices for a model applies from the moment it is loaded:
 * the model's open rows are closed then and the new ones start then, so history already costed keeps
 * its cost unless someone re-prices it on purpose (audited).
 */
export async function loadCatalog(db: Database, src: CatalogSource, now = new Date()): Promise<CatalogLoadResult> {
  const current = await activeCatalog(db.sql, src.source);
  if (current?.fingerprint === src.fingerprint)
    return { catalogId: current.id, loaded: false, version: src.version, rowsInserted: 0, rowsClosed: 0 };
  const data = catalogFromGenaiPrices(src.providers);
  return db.sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [CATALOG_LOCK]);
    const again = await activeCatalog(tx, src.source);
    if (again?.fingerprint === src.fingerprint)
      return { catalogId: again.id, loaded: false, version: src.version, rowsInserted: 0, rowsClosed: 0 };
    // A release loaded before (e.g. after a downgrade) becomes the active one again, dated now.
    const [cat] = await tx.query<{ id: number }>(
      `INSERT INTO price_catalogs (source, version, released_on, fingerprint, provider_count, model_count, row_count, loaded_at)
       VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8)
       ON CONFLICT (source, fingerprint) DO UPDATE SET loaded_at = EXCLUDED.loaded_at
       RETURNING id`,
      [src.source, src.version, src.releasedOn, src.fingerprint, data.providers.length, data.models.length, data.rows.length, now],
    );
    const catalogId = cat!.id;
    await tx.query(
      `INSERT INTO price_providers (id, name, provider_match, model_match, fallback_providers, pricing_urls, catalog_id)
       SELECT p.id, p.name, p.pm::jsonb, p.mm::jsonb, ARRAY(SELECT jsonb_array_elements_text(p.fb::jsonb)), ARRAY(SELECT jsonb_array_elements_text(p.urls::jsonb)), $1
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS p(id, name, pm, mm, fb, urls)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, provider_match = EXCLUDED.provider_match, model_match = EXCLUDED.model_match,
         fallback_providers = EXCLUDED.fallback_providers, pricing_urls = EXCLUDED.pricing_urls, catalog_id = EXCLUDED.catalog_id`,
      [
        catalogId,
        data.providers.map((p) => p.id),
        data.providers.map((p) => p.name),
        data.providers.map((p) => (p.providerMatch ? JSON.stringify(p.providerMatch) : null)),
        data.providers.map((p) => (p.modelMatch ? JSON.stringify(p.modelMatch) : null)),
        data.providers.map((p) => JSON.stringify(p.fallbackProviders)),
        data.providers.map((p) => JSON.stringify(p.pricingUrls)),
      ],
    );
    const m = data.models;
    await tx.query(
      `INSERT INTO price_models (provider_id, model_id, name, match, position, context_window, price_comments, deprecated, catalog_id)
       SELECT x.p, x.m, x.n, x.mt::jsonb, x.pos, x.cw, x.pc, x.dep, $1
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[], $9::bool[]) AS x(p, m, n, mt, pos, cw, pc, dep)
       ON CONFLICT (provider_id, model_id) DO UPDATE SET name = EXCLUDED.name, match = EXCLUDED.match, position = EXCLUDED.position,
         context_window = EXCLUDED.context_window, price_comments = EXCLUDED.price_comments, deprecated = EXCLUDED.deprecated, catalog_id = EXCLUDED.catalog_id`,
      [
        catalogId,
        m.map((x) => x.providerId),
        m.map((x) => x.modelId),
        m.map((x) => x.name),
        m.map((x) => JSON.stringify(x.match)),
        m.map((x) => x.position),
        m.map((x) => x.contextWindow),
        m.map((x) => x.priceComments),
        m.map((x) => x.deprecated),
      ],
    );
    const { toInsert, toClose, toDelete } = await diffRows(tx, data.rows, now);
    if (toDelete.length) await tx.query(`DELETE FROM price_rows WHERE id = ANY($1::int[])`, [toDelete]);
    if (toClose.length) await tx.query(`UPDATE price_rows SET effective_to = $2 WHERE id = ANY($1::int[])`, [toClose, now]);
    await insertRows(tx, toInsert, catalogId);
    return { catalogId, loaded: true, version: src.version, rowsInserted: toInsert.length, rowsClosed: toClose.length };
  });
}

/** Content of a row that matters for cost (dates excluded: a reload re-dates unchanged rows otherwise). */
function signature(r: Pick<CatalogRowDraft, "variant" | "precedence" | "utcWindow" | "prices" | "tiers">): string {
  const prices = Object.fromEntries(Object.entries(r.prices).sort(([a], [b]) => a.localeCompare(b)));
  const tiers = r.tiers.map((t) => ({
    a: t.aboveInputTokens,
    p: Object.fromEntries(Object.entries(t.prices).sort(([x], [y]) => x.localeCompare(y))),
  }));
  return JSON.stringify([r.variant, r.precedence, r.utcWindow?.start ?? null, r.utcWindow?.end ?? null, prices, tiers]);
}

async function diffRows(tx: SqlExecutor, drafts: CatalogRowDraft[], now: Date) {
  const existing = (
    await tx.query<PriceRowRecord>(
      `SELECT ${PRICE_ROW_SQL} FROM price_rows WHERE source = 'catalog' AND (effective_to IS NULL OR effective_to > $1)`,
      [now],
    )
  ).map(priceRowFromDb);
  if (existing.length === 0) return { toInsert: drafts, toClose: [] as number[], toDelete: [] as number[] };
  const current = new Map<string, { ids: number[]; future: number[]; sigs: string[] }>();
  for (const e of existing) {
    const key = `${e.providerId}\u0000${e.modelId}`;
    const entry = current.get(key) ?? { ids: [], future: [], sigs: [] };
    (e.effectiveFrom >= now ? entry.future : entry.ids).push(e.id);
    entry.sigs.push(signature(e));
    current.set(key, entry);
  }
  const byModel = new Map<string, CatalogRowDraft[]>();
  for (const d of drafts) {
    const key = `${d.providerId}\u0000${d.modelId}`;
    byModel.set(key, [...(byModel.get(key) ?? []), d]);
  }
  const toInsert: CatalogRowDraft[] = [];
  const toClose: number[] = [];
  const toDelete: number[] = [];
  for (const [key, rows] of byModel) {
    const cur = current.get(key);
    if (!cur) {
      toInsert.push(...rows); // a model new to the catalog: nothing was costed with it yet
      continue;
    }
    current.delete(key);
    // Rows that ended before now are history on both sides; only what is (or will be) in force compares.
    const live = rows.filter((r) => !r.effectiveTo || r.effectiveTo > now);
    if (JSON.stringify(live.map(signature).sort()) === JSON.stringify([...cur.sigs].sort())) continue;
    toClose.push(...cur.ids);
    toDelete.push(...cur.future);
    for (const r of live) {
      const from = r.effectiveFrom < now ? now : r.effectiveFrom;
      if (!r.effectiveTo || r.effectiveTo > from) toInsert.push({ ...r, effectiveFrom: from });
    }
  }
  for (const gone of current.values()) {
    toClose.push(...gone.ids); // dropped from the catalog: no longer priced from now on
    toDelete.push(...gone.future);
  }
  return { toInsert, toClose, toDelete };
}

async function insertRows(tx: SqlExecutor, rows: CatalogRowDraft[], catalogId: number) {
  const CHUNK = 2000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const col = <T>(f: (r: CatalogRowDraft) => T) => part.map(f);
    await tx.query(
      `INSERT INTO price_rows (provider_id, model_id, variant, precedence, effective_from, effective_to, utc_window_start, utc_window_end,
         input_per_mtok, output_per_mtok, cache_read_per_mtok, cache_write_per_mtok, cache_write_1h_per_mtok, reasoning_per_mtok,
         tiers, other_prices, source, catalog_id)
       SELECT r.p, r.m, r.v, r.prec, r.ef, r.et, r.ws, r.we, r.i, r.o, r.cr, r.cw, r.cw1, r.rs, r.t::jsonb, r.x::jsonb, 'catalog', $1
       FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::timestamptz[], $8::int[], $9::int[],
         $10::numeric[], $11::numeric[], $12::numeric[], $13::numeric[], $14::numeric[], $15::numeric[], $16::text[], $17::text[])
         AS r(p, m, v, prec, ef, et, ws, we, i, o, cr, cw, cw1, rs, t, x)`,
      [
        catalogId,
        col((r) => r.providerId),
        col((r) => r.modelId),
        col((r) => r.variant),
        col((r) => r.precedence),
        col((r) => r.effectiveFrom.toISOString()),
        col((r) => r.effectiveTo?.toISOString() ?? null),
        col((r) => r.utcWindow?.start ?? null),
        col((r) => r.utcWindow?.end ?? null),
        col((r) => r.prices.input ?? null),
        col((r) => r.prices.output ?? null),
        col((r) => r.prices.cacheRead ?? null),
        col((r) => r.prices.cacheWrite ?? null),
        col((r) => r.prices.cacheWrite1h ?? null),
        col((r) => r.prices.reasoning ?? null),
        col((r) => JSON.stringify(r.tiers)),
        col((r) => JSON.stringify(r.otherPrices)),
      ],
    );
  }
}

/** The catalog release in force: the one loaded (or re-activated) last. */
export async function activeCatalog(sql: SqlExecutor, source: string) {
  const [row] = await sql.query<{ id: number; fingerprint: string; version: string; loaded_at: Date }>(
    `SELECT id, fingerprint, version, loaded_at FROM price_catalogs WHERE source = $1 ORDER BY loaded_at DESC, id DESC LIMIT 1`,
    [source],
  );
  return row ?? null;
}
