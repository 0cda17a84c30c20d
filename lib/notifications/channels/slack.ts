import { z } from "zod";
import type { DeliveryResult } from "@/lib/outbox/define-deliverer";
import { parseRetryAfter } from "@/lib/outbox/post-json";
import type { AlertMessage } from "../alert-message";
import type { ChannelSender } from "../channel-sender";
import { EVENT_LABEL, OPERATOR_SYMBOL, groupText, summary, truncate, valueText } from "./alert-text";
import { boundedAttempt, httpUrlSchema } from "./http";

/** A Slack incoming webhook. The URL is the credential: anyone holding it can post to the channel. */
export const slackConfigSchema = z.object({ url: httpUrlSchema });
export type SlackConfig = z.infer<typeof slackConfigSchema>;

const EMOJI: Record<AlertMessage["type"], string> = {
  "alert.firing": ":red_circle:",
  "alert.warning": ":large_orange_circle:",
  "alert.resolved": ":white_check_mark:",
  "alert.acknowledged": ":eyes:",
  "alert.renotify": ":repeat:",
  "alert.test": ":test_tube:",
};

// Block Kit limits (api.slack.com/reference/block-kit): longer text makes Slack refuse the whole message.
// User text is cut *before* escaping (so no entity or link is cut in half); escaping grows it at most
// 5× (`&` → `&amp;`), which the raw limits below allow for: a field ≤ 2000 chars, `text` well under 40,000.
const HEADER_MAX = 150;
const FIELD_TITLE_RAW = 50;
const FIELD_VALUE_RAW = 340;
const NAME_RAW = 100;
const SUMMARY_RAW = 2000;

/** Slack's mrkdwn treats &, < and > as control characters: user text must carry them escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `<url|label>`: a "|" or ">" inside the URL would end the link early. */
function mrkdwnLink(url: string, label: string): string {
  return `<${escapeMrkdwn(url).replace(/\|/g, "%7C")}|${escapeMrkdwn(label)}>`;
}

/** `<!date^…>` shows the time in each reader's own zone; the fallback is for clients that cannot. */
function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return Number.isFinite(seconds) ? `<!date^${seconds}^{date_short_pretty} {time}|${escapeMrkdwn(iso)}>` : escapeMrkdwn(iso);
}

const field = (title: string, value: string) => ({
  type: "mrkdwn",
  text: `*${escapeMrkdwn(truncate(title, FIELD_TITLE_RAW))}*\n${escapeMrkdwn(truncate(value, FIELD_VALUE_RAW))}`,
});

/**
 * The incoming-webhook body: Block Kit blocks plus a plain `text` fallback, which Slack shows in
 * notifications and to clients that cannot render blocks.
 */
export function renderSlack(_config: SlackConfig, message: AlertMessage) {
  const a = message.alert;
  const emoji = EMOJI[message.type];
  const label = EVENT_LABEL[message.type];
  const group = groupText(a.group);
  const fields = [
    field("Severity", a.severity),
    field(a.measure, valueText(a)),
    field("Threshold", `${OPERATOR_SYMBOL[a.operator]} ${a.threshold} over ${a.window}`),
    field("Group", group || "all"),
  ];
  if (a.acknowledgedBy) fields.push(field("Acknowledged by", a.acknowledgedBy));
  const context = [`Workspace *${escapeMrkdwn(truncate(message.workspace.name, NAME_RAW))}*`, `started ${slackDate(a.startedAt)}`];
  if (a.resolvedAt) context.push(`resolved ${slackDate(a.resolvedAt)}`);
  return {
    text: `${emoji} ${escapeMrkdwn(truncate(summary(message), SUMMARY_RAW))} ${mrkdwnLink(a.permalink, "View in Unitscope")}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: truncate(`${emoji} ${label}: ${a.ruleName}`, HEADER_MAX), emoji: true } },
      { type: "section", fields },
      { type: "section", text: { type: "mrkdwn", text: mrkdwnLink(a.permalink, "View alert in Unitscope") } },
      { type: "context", elements: [{ type: "mrkdwn", text: context.join(" · ") }] },
    ],
  };
}

/**
 * Error bodies of incoming webhooks that a retry cannot fix (Slack answers them with a 4xx, but a proxy
 * may pass them on with a 200): a broken message, a revoked or deleted webhook, an archived channel.
 */
const PERMANENT_ERRORS = new Set([
  "invalid_payload",
  "invalid_blocks",
  "invalid_blocks_format",
  "no_text",
  "missing_text_or_fallback_or_attachments",
  "too_many_attachments",
  "no_service",
  "no_service_id",
  "no_team",
  "team_disabled",
  "invalid_token",
  "action_prohibited",
  "channel_not_found",
  "channel_is_archived",
  "posting_to_general_channel_denied",
  "user_not_found",
]);

/** The same statuses as lib/outbox/post-json.ts retries: timeouts, rate limits, server trouble. */
const retryableStatus = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/**
 * Slack's verdict on one POST. Only a 2xx whose body is `ok` was posted: a webhook URL that lands
 * elsewhere (a login page, a proxy) answers 200 with another body, and that is not a delivery.
 */
export function classifySlackResponse(status: number, body: string, retryAfter: string | null): DeliveryResult {
  const text = body.trim();
  if (status >= 200 && status < 300 && text === "ok") return { ok: true, statusCode: status };
  const known = PERMANENT_ERRORS.has(text);
  const shown = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return {
    ok: false,
    statusCode: status,
    error: `Slack answered HTTP ${status}${shown ? `: ${shown}` : " with an empty body"}`,
    retryAfterSeconds: parseRetryAfter(retryAfter),
    // An unknown body on a 2xx may be a passing fault; retrying is bounded by the outbox's attempts.
    permanent: known || (!(status >= 200 && status < 300) && !retryableStatus(status)),
  };
}

export const slackSender: ChannelSender<SlackConfig> = {
  type: "slack",
  configSchema: slackConfigSchema,
  secretConfigKeys: ["url"],
  // Incoming webhooks take no idempotency key: a retry after a lost answer may post twice (Slack's limit, not ours).
  send: (config, message, ctx) =>
    boundedAttempt(ctx.signal, async (signal) => {
      const res = await fetch(config.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(renderSlack(config, message)),
        signal,
        redirect: "manual", // a redirect is not a delivery; following it could post the alert elsewhere
      });
      const body = await res.text();
      return classifySlackResponse(res.status, body.slice(0, 2000), res.headers.get("retry-after"));
    }),
};
