import type { z } from "zod";
import type { AlertMessage } from "./alert-message";
import type { DeliveryResult } from "@/lib/outbox/define-deliverer";
export type ChannelSender<C> = {
  type: "webhook" | "slack" | "pagerduty" | "alertmanager" | "email";
  configSchema: z.ZodType<C>;
  secretConfigKeys: readonly string[];
  send(config: C, message: AlertMessage, ctx: { idempotencyKey: string; signal: AbortSignal }): Promise<DeliveryResult>;
};
