import type { Database } from "@/lib/db/open-database";
import type { RepricingRun } from "@/lib/db/generated/client";

/** A run as the API and the settings page show it: progress and the audit record. */
export function repricingRunView(r: RepricingRun & { requestedBy?: { email: string } | null }) {
  const total = r.eventsTotal;
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    change: r.change,
    requestedBy: r.requestedBy?.email ?? null,
    requestedById: r.requestedById,
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

export async function listRepricingRuns(db: Database, workspaceId: number, limit = 50): Promise<RepricingRunView[]> {
  const runs = await db.prisma.repricingRun.findMany({
    where: { workspaceId },
    orderBy: { id: "desc" },
    take: limit,
    include: { requestedBy: { select: { email: true } } },
  });
  return runs.map(repricingRunView);
}

export async function getRepricingRun(db: Database, workspaceId: number, id: number): Promise<RepricingRunView | null> {
  const run = await db.prisma.repricingRun.findFirst({ where: { id, workspaceId }, include: { requestedBy: { select: { email: true } } } });
  return run && repricingRunView(run);
}
