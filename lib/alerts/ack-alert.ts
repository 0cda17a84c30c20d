import type { Database } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { ApiError } from "@/lib/http/errors";
import { ALERT_COLUMNS, buildMessage, enqueueNotification, recordTransition, type AlertRow } from "./apply-outcomes";
import { monitorChannels, ruleOf } from "./evaluate-monitors";
import { getAlert } from "./alert-queries";
import { findMonitor } from "./monitor-store";
import { activeSilences, silenceMatches } from "./silences";

/**
 * Acknowledges an open alert: no renotification for the rest of its episode, and an
 * `alert.acknowledged` message to its channels (PagerDuty acknowledge) — unless silenced — committed
 * with the flag. Acknowledging twice changes nothing and sends nothing.
 */
export async function ackAlert(db: Database, workspaceId: number, id: number, by: string, now = new Date()) {
  await withTransaction(db, async (tx) => {
    const [a] = await tx.sql.query<AlertRow>(
      `SELECT ${ALERT_COLUMNS} FROM "alerts" a WHERE a."id" = $1 AND a."workspace_id" = $2 FOR UPDATE`,
      [id, workspaceId],
    );
    if (!a) throw new ApiError("not_found", `no alert ${id} in this workspace`);
    if (!a.open) throw new ApiError("conflict", `alert ${id} is ${a.state}: only an open alert can be acknowledged`);
    if (a.acknowledgedAt) return;
    const [row] = (await tx.sql.query<AlertRow>(
      `UPDATE "alerts" AS a SET "acknowledged_at" = $2::timestamptz, "acknowledged_by" = $3 WHERE a."id" = $1 RETURNING ${ALERT_COLUMNS}`,
      [id, now.toISOString(), by],
    )) as [AlertRow];
    const monitor = a.ruleKind === "monitor" ? await findMonitor(tx.sql, workspaceId, a.ruleId) : undefined;
    const silences = await activeSilences(tx.sql, workspaceId, now);
    const silenced = silences.some((s) => silenceMatches(s, a.ruleKind, a.ruleId, a.group, now));
    // Pending alerts were never announced: acknowledging them says nothing either.
    const notify = monitor !== undefined && a.state !== "pending" && !silenced;
    const transitionId = await recordTransition(tx, {
      alertId: id,
      at: now,
      from: a.state,
      to: a.state,
      outcome: "acknowledged",
      value: a.value,
      notification: monitor && a.state !== "pending" ? "alert.acknowledged" : null,
      suppressed: silenced,
      actor: by,
    });
    if (notify) {
      const [ws] = await tx.sql.query<{ id: number; slug: string; name: string }>(
        `SELECT "id", "slug", "name" FROM "workspaces" WHERE "id" = $1`,
        [workspaceId],
      );
      const ctx = { workspace: ws!, channels: await monitorChannels(tx.sql, monitor.id), silences, now };
      await enqueueNotification(tx, ctx, transitionId, buildMessage("alert.acknowledged", ctx, ruleOf(monitor), row));
    }
  });
  return getAlert(db, workspaceId, id);
}
