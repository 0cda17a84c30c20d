import { ApiError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { getRepricingRun } from "@/lib/pricing/list-repricing-runs";
import { parseId } from "@/lib/http/parse-id";

/** GET /api/v1/repricing/:id — one run's status, progress and audit record. */
export const GET = route({ auth: "read", permission: "pricing:read" }, async ({ db, workspace, params }) => {
  const id = parseId(params.id, "re-pricing run");
  const run = await getRepricingRun(db, workspace.id, id);
  if (!run) throw new ApiError("not_found", `no re-pricing run ${id} in this workspace`);
  return { run };
});
