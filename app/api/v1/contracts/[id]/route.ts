import { ApiError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { contractTermInputSchema } from "@/lib/pricing/contract-schemas";
import { getContractTerm } from "@/lib/pricing/list-contract-terms";
import { parseId } from "@/lib/http/parse-id";
import { deleteContractTerm, updateContractTerm } from "@/lib/pricing/save-contract-term";

export const GET = route({ auth: "read", permission: "pricing:read" }, async ({ db, workspace, params }) => {
  const id = parseId(params.id, "contract term");
  const term = await getContractTerm(db, workspace.id, id);
  if (!term) throw new ApiError("not_found", `no contract term ${id} in this workspace`);
  return { term };
});

/** PUT replaces the term; the union of its old and new windows (up to now) is re-priced. */
export const PUT = route(
  { auth: "manage", permission: "pricing:manage", body: contractTermInputSchema },
  async ({ db, workspace, actor, params, body }) => {
    const id = parseId(params.id, "contract term");
    const saved = await updateContractTerm(db, { workspaceId: workspace.id, actor }, id, body);
    return { term: await getContractTerm(db, workspace.id, id), repricingRunId: saved.repricingRunId };
  },
);

export const DELETE = route({ auth: "manage", permission: "pricing:manage" }, async ({ db, workspace, actor, params }) => {
  const id = parseId(params.id, "contract term");
  const saved = await deleteContractTerm(db, { workspaceId: workspace.id, actor }, id);
  return { deleted: id, repricingRunId: saved.repricingRunId };
});
