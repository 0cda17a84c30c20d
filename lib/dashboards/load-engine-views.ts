import { assertCan } from "@/lib/members/assert-can";
import { monthEndProjection, type MonthEndProjection } from "@/lib/metrics/views/month-end-projection";
import { topMovers, type Mover } from "@/lib/metrics/views/top-movers";
import { vendorMatrix, type VendorRow } from "@/lib/metrics/views/vendor-matrix";
import type { SpendDimension } from "@/lib/metrics/views/spend-by";
import { cardFilters, type CardContext } from "./card-context";

/**
 * The engine's unit-economics views (lib/metrics/views) for the current view: month-end projection, top
 * movers, vendor matrix. Dashboards shape their answers; they never recompute them.
 */
export async function loadProjection(c: CardContext): Promise<MonthEndProjection> {
  assertCan(c.ctx, "dashboards:read");
  return monthEndProjection(c.db, c.ctx.workspaceId, { filters: cardFilters(c) });
}

export async function loadTopMovers(c: CardContext, by: SpendDimension, limit = 5): Promise<Mover[]> {
  assertCan(c.ctx, "dashboards:read");
  const r = await topMovers(c.db, c.ctx.workspaceId, {
    from: c.view.range.from.toISOString(),
    to: c.view.range.to.toISOString(),
    by,
    filters: cardFilters(c),
    limit,
  });
  return r.rows;
}

export async function loadVendorRows(c: CardContext): Promise<VendorRow[]> {
  assertCan(c.ctx, "dashboards:read");
  return (
    await vendorMatrix(c.db, c.ctx.workspaceId, {
      from: c.view.range.from.toISOString(),
      to: c.view.range.to.toISOString(),
      filters: cardFilters(c),
    })
  ).rows;
}
