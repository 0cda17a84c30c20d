import type { Database } from "@/lib/db/open-database";
import type { RepricingRun } from "@/lib/db/generated/client";

/** A run as the API and the settings page show it: progress and the audit record. */
type Requester = { requestedBy?: { email: string } | null; requestedByKey?: { name: string; prefix: string } | null };

/** Who asked, for display: the user's email, or the API key (manage scope) that made the change. */
function requesterOf(r: Requester): string | null {
  if (r.requestedBy) return r.requestedBy.email;
  return r.requestedByKey ? `API key “${r.requestedByKey.name}” (${r.requestedByKey.prefix}…)` : null;
}

export function repricingRunView(r: RepricingRun & Requester) {
  const total = r.eventsTotal;
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    change: r.change,
    requestedBy: requesterOf(r),
    requestedById: r.requestedById,
    requestedByKeyId: r.requestedByKeyId,
    window: { from: r.windowFrom.toISOString(), to: r.windowTo.toISOString() },
    progress: {
      scanned: r.eventsScanned,
      total,
      percent: total ? Math.min(100, Math.floor((r.eventsScanned * 100) / total)) : r.status === "succeeded" ? 100 : 0,
    },
    eventsTouched: r.eventsTouched,
    listTotal: { old: r.oldListTotalUsd.toString(), new: r.newListTotalUsd.toString() },
    effectiveTotal: { old: r.oldEffectiveTotalUsd.toString(), new: r.newEffectiveTotalUsd.toString() },
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
export type RepricingRunView = ReturnType<typeof repricingRunView>;

const REQUESTER = { requestedBy: { select: { email: true } }, requestedByKey: { select: { name: true, prefix: true } } } as const;

export async function listRepricingRuns(db: Database, workspaceId: number, limit = 50): Promise<RepricingRunView[]> {
  const runs = await db.prisma.repricingRun.findMany({
    where: { workspaceId },
    orderBy: { id: "desc" },
    take: limit,
    include: REQUESTER,
  });
  return runs.map(repricingRunView);
}

export async function getRepricingRun(db: Database, workspaceId: number, id: number): Promise<RepricingRunView | null> {
  const run = await db.prisma.repricingRun.findFirst({ where: { id, workspaceId }, include: REQUESTER });
  return run && repricingRunView(run);
}
