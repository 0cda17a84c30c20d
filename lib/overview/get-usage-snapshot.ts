import type { PrismaDb } from "@/lib/db/open-database";
import { assertCan } from "@/lib/members/assert-can";
import type { MemberContext } from "@/lib/members/member-context";

export type UsageSnapshot = {
  /** False until the workspace stored its first event: pages then show how to send one. */
  hasEvents: boolean;
  lastEventAt: Date | null;
  range: {
    events: number;
    /** Effective cost (after contracts) as a decimal string: money never passes through a float. */
    effectiveCostUsd: string;
    providers: number;
    models: number;
    /** Events whose model had no price at ingest: shown so nobody reads a zero as "free". */
    unpricedEvents: number;
  };
};

/**
 * A few numbers that need no rollups: an indexed count and sum over the (workspace, ts) index for the
 * range, and the newest event. The analytics engine's metrics query replaces this for the charts.
 */
export async function getUsageSnapshot(prisma: PrismaDb, ctx: MemberContext, range: { from: Date; to: Date }): Promise<UsageSnapshot> {
  assertCan(ctx, "dashboards:read");
  const inRange = { workspaceId: ctx.workspaceId, ts: { gte: range.from, lt: range.to } };
  const [last, totals, pairs, unpriced] = await Promise.all([
    prisma.usageEvent.findFirst({ where: { workspaceId: ctx.workspaceId }, orderBy: { ts: "desc" }, select: { ts: true } }),
    prisma.usageEvent.aggregate({ where: inRange, _count: { _all: true }, _sum: { effectiveCostUsd: true } }),
    prisma.usageEvent.groupBy({ by: ["provider", "model"], where: inRange }),
    prisma.usageEvent.count({ where: { ...inRange, priced: false } }),
  ]);
  return {
    hasEvents: last !== null,
    lastEventAt: last?.ts ?? null,
    range: {
      events: totals._count._all,
      effectiveCostUsd: totals._sum.effectiveCostUsd?.toFixed() ?? "0",
      providers: new Set(pairs.map((p) => p.provider)).size,
      models: pairs.length,
      unpricedEvents: unpriced,
    },
  };
}
