import { z } from "zod";
import type { Database } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";
import { termApplies } from "./contract-term";
import { loadPricing } from "./load-pricing";
import { priceRowView } from "./price-row-view";
import { rowInForce, selectPriceRow } from "./select-price-row";

export const listPricesQuerySchema = z
  .object({
    provider: z.string().trim().min(1).max(200).optional(),
    model: z.string().trim().min(1).max(300).optional(),
    at: z.coerce.date().optional(),
  })
  .refine((q) => q.provider || q.model, { message: "give provider and/or model" })
  .refine((q) => !q.at || !Number.isNaN(q.at.getTime()), { message: "at is not a valid date", path: ["at"] });
export type ListPricesQuery = z.infer<typeof listPricesQuerySchema>;

const MAX_MODELS = 500;

/**
 * The price rows in force at `at` (default now). With a model: how the name resolves, every row of that
 * model whose dates cover `at` (time-of-day rows included, the one applying at that instant marked),
 * and the workspace's contract terms that would apply. With only a provider: each of its models and the
 * row that applies at `at`.
 */
export async function listPrices(db: Database, workspaceId: number, q: ListPricesQuery) {
  const at = q.at ?? new Date();
  const { catalog, terms } = await loadPricing(db, workspaceId);
  const idx = catalog.index;
  const catalogInfo = catalog.catalog && {
    version: catalog.catalog.version,
    releasedOn: catalog.catalog.releasedOn,
    loadedAt: catalog.catalog.loadedAt.toISOString(),
  };
  if (q.model) {
    const resolved = idx.resolve(q.provider ?? "", q.model);
    const selected = resolved ? selectPriceRow(resolved.model.rows, at, "standard") : null;
    const rows = (resolved?.model.rows ?? []).filter((r) => rowInForce({ ...r, utcWindow: null }, at));
    const ctx = { provider: q.provider ?? "", model: q.model, resolved, ts: at, variant: "standard" as const };
    return {
      at: at.toISOString(),
      catalog: catalogInfo,
      resolved: resolved && {
        catalogProvider: resolved.model.providerId,
        catalogModel: resolved.model.modelId,
        name: resolved.model.name,
        via: resolved.via,
        contextWindow: resolved.model.contextWindow,
        priceComments: resolved.model.priceComments,
      },
      rows: rows.map((r) => ({ ...priceRowView(r), appliesAt: r.id === selected?.id })),
      contractTerms: terms.filter((t) => termApplies(t, ctx)).map((t) => ({ id: t.id, kind: t.kind, name: t.name })),
    };
  }
  const provider = idx.resolveProvider(q.provider!);
  if (!provider) throw new ApiError("not_found", `the catalog has no provider '${q.provider}'`);
  const models = provider.models.slice(0, MAX_MODELS).map((m) => {
    const row = selectPriceRow(m.rows, at, "standard");
    return { model: m.modelId, name: m.name, contextWindow: m.contextWindow, row: row && { ...priceRowView(row), appliesAt: true } };
  });
  return {
    at: at.toISOString(),
    catalog: catalogInfo,
    provider: { id: provider.id, name: provider.name, fallbackProviders: provider.fallbackProviders },
    models,
    truncated: provider.models.length > MAX_MODELS,
  };
}
