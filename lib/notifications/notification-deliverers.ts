import type { Database } from "@/lib/db/client";
import { defineDeliverer, type Deliverer } from "@/lib/outbox/define-deliverer";
import { CHANNEL_SENDERS } from "./channel-types";
import { loadChannelRow } from "./channel-store";
import { deliveryKindOf, notificationPayloadSchema } from "./notification-kind";

/** One attempt's limit: a slow receiver must not hold the dispatcher. */
export const NOTIFICATION_TIMEOUT_MS = 10_000;

/**
 * One outbox deliverer per channel type of the registry (`notifications.<type>`): loads the channel
 * (secrets stay in their table, never in the outbox payload), calls its sender with the outbox key as
 * idempotency key, and disables the channel when the receiver answers 410 Gone. A deleted or disabled
 * channel fails the message for good. `getDb` is the process's database (lib/boot/jobs.ts passes getDb).
 */
export function notificationDeliverers(getDb: () => Promise<Pick<Database, "sql">>, opts: { backoffSeconds?: number } = {}): Deliverer[] {
  return CHANNEL_SENDERS.map((sender) =>
    defineDeliverer({
      kind: deliveryKindOf(sender.type),
      schema: notificationPayloadSchema,
      timeoutMs: NOTIFICATION_TIMEOUT_MS,
      maxAttempts: 8,
      backoffSeconds: opts.backoffSeconds ?? 5,
      deliver: async ({ channelId, message }, ctx) => {
        const db = await getDb();
        const channel = await loadChannelRow(db.sql, channelId);
        if (!channel) return { ok: false, permanent: true, error: `channel ${channelId} no longer exists` };
        if (!channel.enabled) return { ok: false, permanent: true, error: `channel ${channelId} is disabled` };
        const result = await sender.send({ ...channel.config, ...channel.secretConfig }, message, {
          idempotencyKey: ctx.key,
          signal: ctx.signal,
        });
        if (!result.ok && result.statusCode === 410) {
          await db.sql.query(
            `UPDATE "alert_channels" SET "enabled" = false, "disabled_reason" = $2, "updated_at" = now() WHERE "id" = $1`,
            [channelId, `the receiver answered 410 Gone at ${new Date().toISOString()}`],
          );
        }
        return result;
      },
    }),
  );
}
