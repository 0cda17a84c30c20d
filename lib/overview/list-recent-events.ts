import type { PrismaDb } from "@/lib/db/open-database";
import { assertCan } from "@/lib/members/assert-can";
import type { MemberContext } from "@/lib/members/member-context";

/** The newest events of the workspace, for the Overview's activity list. */
export async function listRecentEvents(prisma: PrismaDb, ctx: MemberContext, take = 8) {
  assertCan(ctx, "dashboards:read");
  const rows = await prisma.usageEvent.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: { ts: "desc" },
    take,
    select: {
      eventId: true,
      ts: true,
      provider: true,
      model: true,
      status: true,
      tenant: true,
      feature: true,
      inputTokens: true,
      outputTokens: true,
      latencyMs: true,
      effectiveCostUsd: true,
      priced: true,
    },
  });
  return rows.map(({ effectiveCostUsd, ...r }) => ({ ...r, effectiveCostUsd: effectiveCostUsd.toFixed() }));
}

export type RecentEvent = Awaited<ReturnType<typeof listRecentEvents>>[number];
