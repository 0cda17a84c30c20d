import type { z } from "zod";
import type { DeliveryResult } from "@/lib/outbox/define-deliverer";
import type { AlertMessage } from "./alert-message";

export const CHANNEL_TYPES = ["webhook", "slack", "pagerduty", "alertmanager", "email"] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export type ChannelSendContext = {
  /** The outbox idempotency key: stable across retries of one notification (webhook-id, e-mail Message-ID…). */
  idempotencyKey: string;
  /** Aborted at the deliverer's timeout (10 s) or when the worker stops: pass it to fetch. */
  signal: AbortSignal;
};

/**
 * One notification channel type: how its config is validated, which config keys are secrets (stored
 * apart and never returned after creation), and how one AlertMessage is sent. Senders are pure of
 * storage: the generic deliverer (notification-deliverers.ts) loads the channel row, merges its public
 * and secret config, and calls `send`. Retries, backoff and the delivery log are the outbox's.
 */
export type ChannelSender<C> = {
  type: ChannelType;
  /** Validates the config given on create/patch (secrets included). */
  configSchema: z.ZodType<C>;
  /** Config keys never returned after creation (e.g. pagerduty routingKey, slack url). */
  secretConfigKeys: readonly string[];
  /**
   * Secrets the server makes on creation (a webhook's whsec_ signing secret), stored with the secret
   * config and shown once in the creation response. Absent: the type has none.
   */
  generateSecrets?: () => Record<string, string>;
  send(config: C, message: AlertMessage, ctx: ChannelSendContext): Promise<DeliveryResult>;
};

/** A sender of any config type, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sender validates its own config
export type AnyChannelSender = ChannelSender<any>;
