import { getDb } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { listChannels } from "@/lib/notifications/channel-store";
import { getAlert, listAlertDeliveries, listAlerts } from "./alert-queries";
import type { HistoryFilters } from "./history-filters";
import { findMonitor, listMonitors, type MonitorView } from "./monitor-store";

/**
 * Read helpers for the Alerts pages (app/(dashboard)/alerts, Settings → Notification channels): the same
 * queries the API answers with, so a page and GET /api/v1/… never disagree. Pages call these; components
 * only receive their plain results.
 */

export async function loadFiringAlerts(workspaceId: number) {
  return listAlerts(await getDb(), workspaceId, { state: "firing", limit: 100 });
}

export async function loadAlertHistory(workspaceId: number, f: HistoryFilters) {
  return listAlerts(await getDb(), workspaceId, {
    state: f.state,
    ruleKind: f.ruleId === null ? undefined : "monitor",
    ruleId: f.ruleId ?? undefined,
    limit: 200,
  });
}

/** An alert with its timeline and delivery attempts; null when the workspace has no such alert. */
export async function loadAlertDetail(workspaceId: number, id: number) {
  const db = await getDb();
  try {
    const [{ alert, transitions }, deliveries] = await Promise.all([
      getAlert(db, workspaceId, id),
      listAlertDeliveries(db, workspaceId, id),
    ]);
    return { alert, transitions, deliveries };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export type MonitorListRow = MonitorView & { openAlerts: number };

/** Monitors with the number of their open alerts (pending included: the list says what is in progress). */
export async function loadMonitorRows(workspaceId: number): Promise<MonitorListRow[]> {
  const db = await getDb();
  const [monitors, counts] = await Promise.all([
    listMonitors(db.sql, workspaceId),
    db.sql.query<{ ruleId: number; n: number }>(
      `SELECT "rule_id" AS "ruleId", count(*)::int AS "n" FROM "alerts"
        WHERE "workspace_id" = $1 AND "rule_kind" = 'monitor' AND "open" GROUP BY "rule_id"`,
      [workspaceId],
    ),
  ]);
  const byRule = new Map(counts.map((c) => [Number(c.ruleId), Number(c.n)]));
  return monitors.map((m) => ({ ...m, openAlerts: byRule.get(m.id) ?? 0 }));
}

/** The names of the workspace's monitors (the history's rule filter). */
export async function loadMonitorNames(workspaceId: number) {
  const monitors = await listMonitors((await getDb()).sql, workspaceId);
  return monitors.map((m) => ({ id: m.id, name: m.name }));
}

/** One monitor for the edit form; null when the workspace has no such monitor. */
export async function loadMonitor(workspaceId: number, id: number) {
  return (await findMonitor((await getDb()).sql, workspaceId, id)) ?? null;
}

export async function loadChannels(workspaceId: number) {
  return listChannels(await getDb(), workspaceId);
}
