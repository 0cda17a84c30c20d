import type { AnyChannelSender, ChannelType } from "./channel-sender";
import { webhookSender } from "./channels/webhook";
// MERGE (coordinator): when lib/notifications/channels/{slack,pagerduty,alertmanager,email}.ts land, import
// their senders here and list them below, e.g.:
//   import { slackSender } from "./channels/slack";
//   import { pagerdutySender } from "./channels/pagerduty";
//   import { alertmanagerSender } from "./channels/alertmanager";
//   import { emailSender } from "./channels/email";

/**
 * Every notification channel type this build knows: the ONE registry. Channel create/patch validates
 * against it, and one outbox deliverer per entry (`notifications.<type>`) is built from it.
 */
export const CHANNEL_SENDERS: readonly AnyChannelSender[] = [
  webhookSender,
  // MERGE (coordinator): slackSender, pagerdutySender, alertmanagerSender, emailSender,
];

export function channelSender(type: string): AnyChannelSender | undefined {
  return CHANNEL_SENDERS.find((s) => s.type === type);
}

export function knownChannelTypes(): ChannelType[] {
  return CHANNEL_SENDERS.map((s) => s.type);
}
