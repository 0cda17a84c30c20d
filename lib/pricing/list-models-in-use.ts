import type { Database } from "@/lib/db/open-database";
import { loadPricing } from "./load-pricing";
import { priceRowView, type PriceRowView } from "./price-row-view";
import { selectPriceRow } from "./select-price-row";

export type ModelInUse = {
  provider: string;
  model: string;
  events: number;
  resolved: { catalogProvider: string; catalogModel: string; via: string } | null;
  row: PriceRowView | null;
};

/** The workspace's most used models of the last `days` days with the catalog row pricing them now. */
export async function listModelsInUse(db: Database, workspaceId: number, days = 30, limit = 25): Promise<ModelInUse[]> {
  const since = new Date(Date.now() - days * 86_400_000);
  const rows = await db.sql.query<{ provider: string; model: string; events: number }>(
    `SELECT provider, model, count(*)::int AS events FROM usage_events WHERE workspace_id = $1 AND ts >= $2
     GROUP BY provider, model ORDER BY events DESC, provider, model LIMIT $3`,
    [workspaceId, since, limit],
  );
  const { catalog } = await loadPricing(db, workspaceId);
  const now = new Date();
  return rows.map((r) => {
    const resolved = catalog.index.resolve(r.provider, r.model);
    const row = resolved ? selectPriceRow(resolved.model.rows, now, "standard") : null;
    return {
      ...r,
      resolved: resolved && { catalogProvider: resolved.model.providerId, catalogModel: resolved.model.modelId, via: resolved.via },
      row: row && priceRowView(row),
    };
  });
}
