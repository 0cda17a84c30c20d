import { route } from "@/lib/http/route";
import { listPrices, listPricesQuerySchema } from "@/lib/pricing/list-prices";

/** GET /api/v1/prices?provider=&model=&at= — the catalog rows in force at `at` (default now). */
export const GET = route({ auth: "read", permission: "pricing:read", query: listPricesQuerySchema }, async ({ db, workspace, query }) =>
  listPrices(db, workspace.id, query),
);
