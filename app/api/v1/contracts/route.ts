import { route } from "@/lib/http/route";
import { contractTermInputSchema } from "@/lib/pricing/contract-schemas";
import { getContractTerm, listContractTerms } from "@/lib/pricing/list-contract-terms";
import { createContractTerm } from "@/lib/pricing/save-contract-term";

/** GET /api/v1/contracts — the workspace's contract terms. */
export const GET = route({ auth: "read", permission: "pricing:read" }, async ({ db, workspace }) => ({
  terms: await listContractTerms(db, workspace.id),
}));

/**
 * POST /api/v1/contracts — adds a term (owner/admin/finance, or an API key with the manage scope); a past
 * effective date queues an audited re-pricing.
 */
export const POST = route(
  { auth: "manage", permission: "pricing:manage", body: contractTermInputSchema },
  async ({ db, workspace, actor, body }) => {
    const saved = await createContractTerm(db, { workspaceId: workspace.id, actor }, body);
    return Response.json(
      { term: await getContractTerm(db, workspace.id, saved.termId), repricingRunId: saved.repricingRunId },
      { status: 201 },
    );
  },
);
