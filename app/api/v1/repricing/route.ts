import { z } from "zod";
import { INSTANT_BOUNDS_MESSAGE, isWithinInstantBounds } from "@/lib/date-range/instant-bounds";
import { ApiError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { getRepricingRun, listRepricingRuns } from "@/lib/pricing/list-repricing-runs";
import { requestRepricing } from "@/lib/pricing/request-repricing";

/** GET /api/v1/repricing — the workspace's re-pricing runs (newest first) with progress and audit. */
export const GET = route({ auth: "read", permission: "pricing:read" }, async ({ db, workspace }) => ({
  runs: await listRepricingRuns(db, workspace.id),
}));

const windowEdge = z.coerce.date().refine((d) => isWithinInstantBounds(d.getTime()), { error: INSTANT_BOUNDS_MESSAGE });
const requestSchema = z
  .strictObject({ from: windowEdge, to: windowEdge, reason: z.string().trim().min(1).max(200) })
  .refine((b) => b.to > b.from, { message: "to must be after from", path: ["to"] });

/** POST /api/v1/repricing — re-prices a window with the prices in force now (e.g. after a catalog update). */
export const POST = route({ auth: "manage", permission: "pricing:manage", body: requestSchema }, async ({ db, workspace, actor, body }) => {
  const id = await requestRepricing(
    db,
    { workspaceId: workspace.id, actor },
    {
      reason: `manual: ${body.reason}`,
      change: { action: "manual" },
      windowFrom: body.from,
      windowTo: body.to,
    },
  );
  if (id === null) throw new ApiError("invalid_body", "the window holds no past time to re-price", [{ path: "from" }]);
  return Response.json({ run: await getRepricingRun(db, workspace.id, id) }, { status: 202 });
});
