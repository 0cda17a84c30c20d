import { z } from "zod";
import { route } from "@/lib/http/route";
import { listUnknownModels } from "@/lib/pricing/list-unknown-models";

const query = z.object({ days: z.coerce.number().int().min(1).max(400).default(90) });

/** GET /api/v1/prices/unknown-models?days=90 — models priced at zero because nothing prices them, with event counts. */
export const GET = route({ auth: "read", permission: "pricing:read", query }, async ({ db, workspace, query }) =>
  listUnknownModels(db, workspace.id, query.days),
);
