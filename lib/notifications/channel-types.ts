import type { AnyChannelSender, ChannelType } from "./channel-sender";
import { webhookSender } from "./channels/webhook";
import { alertmanagerSender } from "./channels/alertmanager";
import { emailSender } from "./channels/email";
import { pagerDutySender } from "./channels/pagerduty";
import { slackSender } from "./channels/slack";

/**
 * Every notification channel type this build knows: the ONE registry. Channel create/patch validates
 * against it, and one outbox deliverer per entry (`notifications.<type>`) is built from it.
 */
export const CHANNEL_SENDERS: readonly AnyChannelSender[] = [webhookSender, slackSender, pagerDutySender, alertmanagerSender, emailSender];

export function channelSender(type: string): AnyChannelSender | undefined {
  return CHANNEL_SENDERS.find((s) => s.type === type);
}

export function knownChannelTypes(): ChannelType[] {
  return CHANNEL_SENDERS.map((s) => s.type);
}
