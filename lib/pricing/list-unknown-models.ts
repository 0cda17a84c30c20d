import type { Database } from "@/lib/db/open-database";

export type UnknownModel = { provider: string; model: string; events: number; firstSeen: string; lastSeen: string };

/**
 * Models that could not be priced (not in the catalog, no custom price) with their event counts over
 * the last `days` days, most frequent first. Served by the partial index on unpriced events.
 */
export async function listUnknownModels(
  db: Database,
  workspaceId: number,
  days = 90,
  limit = 200,
): Promise<{ totalEvents: number; models: UnknownModel[] }> {
  const since = new Date(Date.now() - days * 86_400_000);
  const rows = await db.sql.query<{ provider: string; model: string; events: number; first_seen: Date; last_seen: Date }>(
    `SELECT provider, model, count(*)::int AS events, min(ts) AS first_seen, max(ts) AS last_seen
     FROM usage_events WHERE workspace_id = $1 AND NOT priced AND ts >= $2
     GROUP BY provider, model ORDER BY events DESC, provider, model LIMIT $3`,
    [workspaceId, since, limit],
  );
  const [total] = await db.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM usage_events WHERE workspace_id = $1 AND NOT priced AND ts >= $2`,
    [workspaceId, since],
  );
  return {
    totalEvents: total?.n ?? 0,
    models: rows.map((r) => ({
      provider: r.provider,
      model: r.model,
      events: r.events,
      firstSeen: r.first_seen.toISOString(),
      lastSeen: r.last_seen.toISOString(),
    })),
  };
}
