import { z } from "zod";
import { alertMessageSchema } from "./alert-message";

/** The outbox kind of a channel type's notifications. */
export function deliveryKindOf(type: string): string {
  return `notifications.${type}`;
}

/** What an outbox row of a notification holds: the channel to load at delivery time, and the message. */
export const notificationPayloadSchema = z.object({ channelId: z.number().int().positive(), message: alertMessageSchema });
export type NotificationPayload = z.infer<typeof notificationPayloadSchema>;
