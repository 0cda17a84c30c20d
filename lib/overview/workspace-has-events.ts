import type { PrismaDb } from "@/lib/db/open-database";
import { assertCan } from "@/lib/members/assert-can";
import type { MemberContext } from "@/lib/members/member-context";

/**
 * Whether the workspace stored any event yet (pages show how to send the first one until it has). One
 * index probe on (workspace_id, ts): it runs in front of every dashboard page, so it must not scan.
 */
export async function workspaceHasEvents(prisma: PrismaDb, ctx: MemberContext): Promise<boolean> {
  assertCan(ctx, "dashboards:read");
  const first = await prisma.usageEvent.findFirst({ where: { workspaceId: ctx.workspaceId }, select: { ts: true } });
  return first !== null;
}
