import { z } from "zod";
import { actorLabel } from "@/lib/alerts/actor-label";
import { createSilence, listSilences } from "@/lib/alerts/silences";
import { route } from "@/lib/http/route";

/** GET /api/v1/silences?expired=true — silences in force (with expired ones when asked). */
export const GET = route(
  { auth: "read", permission: "dashboards:read", query: z.object({ expired: z.enum(["true", "false"]).optional() }) },
  async ({ db, workspace, query }) => ({ silences: await listSilences(db, workspace.id, { includeExpired: query.expired === "true" }) }),
);

/** POST /api/v1/silences — {ruleKind?, ruleId?, group?, until, comment?}. */
export const POST = route({ auth: "manage", permission: "alerts:manage", body: z.unknown() }, async ({ db, workspace, actor, body }) =>
  Response.json({ silence: await createSilence(db, workspace.id, body, await actorLabel(db, actor)) }, { status: 201 }),
);
