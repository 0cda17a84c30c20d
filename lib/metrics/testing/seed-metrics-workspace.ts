import type { Database } from "@/lib/db/open-database";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { generateDemoEvents, type DemoEvent } from "@/prisma/seed/demo-events";
import { makeWorkspace } from "@/prisma/seed/factories";

/**
 * A workspace with demo traffic ingested through the real pipeline (validation, pricing, set-based
 * insert, and the rollups' dirty marks ingestion writes with the rows). Rollups are not refreshed here:
 * tests choose when (the query is exact either way).
 */
export async function seedMetricsWorkspace(
  db: Database,
  opts: { now: Date; days: number; events: number; seed: string | number; tenantPrefix?: string },
): Promise<{ workspaceId: number; events: DemoEvent[] }> {
  const ws = await makeWorkspace(db.prisma);
  const events = generateDemoEvents({ now: opts.now, days: opts.days, seed: opts.seed, targetEvents: opts.events }).map((e) =>
    opts.tenantPrefix && e.tenant ? { ...e, tenant: `${opts.tenantPrefix}${e.tenant}` } : e,
  );
  await ingestBatch(db, ws.id, events, opts.now);
  return { workspaceId: ws.id, events };
}

/** Ingests events in API-sized batches through ingestEvents, which marks their hours for the rollups. */
export async function ingestBatch(db: Database, workspaceId: number, events: readonly DemoEvent[], now: Date): Promise<void> {
  for (let i = 0; i < events.length; i += 5_000) {
    const r = await ingestEvents(db, workspaceId, events.slice(i, i + 5_000), { now: now.getTime() + 60_000 });
    if (r.rejected.length > 0) throw new Error(`demo events rejected: ${JSON.stringify(r.rejected.slice(0, 3))}`);
  }
}
