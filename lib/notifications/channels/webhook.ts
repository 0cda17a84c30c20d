import { randomBytes } from "node:crypto";
import { z } from "zod";
import { postJson } from "@/lib/outbox/post-json";
import { signWebhook } from "@/lib/outbox/standard-webhooks";
import type { AlertMessage } from "../alert-message";
import type { ChannelSender } from "../channel-sender";

/** How long a rotated-out secret keeps signing alongside the new one. */
export const WEBHOOK_ROTATION_GRACE_HOURS = 24;

export const webhookConfigSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000),
});

/** Stored apart from the config (secret_config); never returned after creation or rotation. */
export type WebhookSecrets = {
  secret: string;
  /** The secret before the last rotation, still signing until `previousSecretUntil` (RFC 3339). */
  previousSecret?: string;
  previousSecretUntil?: string;
};

export type WebhookConfig = z.infer<typeof webhookConfigSchema> & Partial<WebhookSecrets>;

/** A new Standard Webhooks secret: `whsec_` + base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** The JSON body Standard Webhooks receivers get: {"type","timestamp","data"}. */
export function webhookBody(message: AlertMessage): string {
  return JSON.stringify({
    type: message.type,
    timestamp: message.occurredAt,
    data: { workspace: message.workspace, alert: message.alert },
  });
}

/**
 * The Standard Webhooks headers: webhook-id (the idempotency key, stable across retries), the
 * timestamp of this attempt, and one `v1,` signature per active secret, space-separated — during a
 * rotation's grace period both the new and the previous secret sign, so receivers can switch at leisure.
 */
export function signedHeaders(config: WebhookConfig, id: string, body: string, now: Date): Record<string, string> {
  if (!config.secret) throw new Error("the webhook channel has no signing secret");
  const timestamp = Math.floor(now.getTime() / 1000);
  const signatures = [signWebhook(config.secret, id, timestamp, body)];
  if (config.previousSecret && config.previousSecretUntil && Date.parse(config.previousSecretUntil) > now.getTime()) {
    signatures.push(signWebhook(config.previousSecret, id, timestamp, body));
  }
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signatures.join(" ") };
}

export const webhookSender: ChannelSender<WebhookConfig> = {
  type: "webhook",
  configSchema: webhookConfigSchema,
  secretConfigKeys: [],
  generateSecrets: () => ({ secret: newWebhookSecret() }),
  async send(config, message, ctx) {
    const body = webhookBody(message);
    return postJson(config.url, body, { headers: signedHeaders(config, ctx.idempotencyKey, body, new Date()), signal: ctx.signal });
  },
};
