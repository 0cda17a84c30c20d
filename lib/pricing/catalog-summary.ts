import type { Database } from "@/lib/db/open-database";
import { CATALOG_SOURCE } from "./catalog-source";
import { ensureCatalogLoaded } from "./load-catalog";

export type CatalogSummary = {
  source: string;
  version: string;
  releasedOn: string | null;
  loadedAt: string;
  providers: number;
  models: number;
  rows: number;
  history: { version: string; loadedAt: string }[];
};

/** The catalog release in force (version, release date, when it was loaded) and the releases before it. */
export async function getCatalogSummary(db: Database): Promise<CatalogSummary | null> {
  await ensureCatalogLoaded(db);
  const rows = await db.sql.query<{
    version: string;
    released_on: string | Date | null;
    loaded_at: Date;
    provider_count: number;
    model_count: number;
    row_count: number;
  }>(
    `SELECT version, to_char(released_on, 'YYYY-MM-DD') AS released_on, loaded_at, provider_count, model_count, row_count FROM price_catalogs WHERE source = $1 ORDER BY loaded_at DESC, id DESC LIMIT 10`,
    [CATALOG_SOURCE],
  );
  const top = rows[0];
  if (!top) return null;
  const released =
    top.released_on === null
      ? null
      : typeof top.released_on === "string"
        ? top.released_on.slice(0, 10)
        : top.released_on.toISOString().slice(0, 10);
  return {
    source: CATALOG_SOURCE,
    version: top.version,
    releasedOn: released,
    loadedAt: top.loaded_at.toISOString(),
    providers: top.provider_count,
    models: top.model_count,
    rows: top.row_count,
    history: rows.slice(1).map((r) => ({ version: r.version, loadedAt: r.loaded_at.toISOString() })),
  };
}
