import { z } from "zod";
import { postJson } from "@/lib/outbox/post-json";
import type { AlertMessage } from "../alert-message";
import type { ChannelSender } from "../channel-sender";
import { groupText, oneLine, summary, truncate } from "./alert-text";
import { boundedAttempt, httpUrlSchema } from "./http";

export const PAGERDUTY_ENQUEUE_URL = "https://events.pagerduty.com/v2/enqueue";

/**
 * An Events API v2 integration. The routing (integration) key is the credential; `url` points at
 * PagerDuty's enqueue endpoint unless a proxy or a regional endpoint is set.
 */
export const pagerDutyConfigSchema = z.object({
  routingKey: z.string().trim().min(1, "is required").max(255),
  url: httpUrlSchema.optional(),
});
export type PagerDutyConfig = z.infer<typeof pagerDutyConfigSchema>;

/** PagerDuty's documented limits: longer summaries are refused (400), so cut them ourselves. */
const SUMMARY_MAX = 1024;
const DEDUP_KEY_MAX = 255;

/** Firing, warning, renotify and test open (or update) the incident; resolve and acknowledge act on it by dedup_key. */
const ACTION: Record<AlertMessage["type"], "trigger" | "acknowledge" | "resolve"> = {
  "alert.firing": "trigger",
  "alert.warning": "trigger",
  "alert.renotify": "trigger",
  "alert.test": "trigger",
  "alert.acknowledged": "acknowledge",
  "alert.resolved": "resolve",
};

/** Our two severities map onto PagerDuty's own names; a test event is `info` so it pages no one by urgency rules. */
function pdSeverity(message: AlertMessage): "critical" | "warning" | "info" {
  if (message.type === "alert.test") return "info";
  return message.alert.severity;
}

/**
 * The Events API v2 request. A trigger carries the payload; acknowledge and resolve carry only the
 * routing key, action and dedup_key, which is stable for the whole episode (rule, group), so the
 * resolve closes the incident the trigger opened and a renotification updates it instead of paging again.
 */
export function renderPagerDuty(config: PagerDutyConfig, message: AlertMessage) {
  const a = message.alert;
  const action = ACTION[message.type];
  if (a.dedupKey.length === 0 || a.dedupKey.length > DEDUP_KEY_MAX) throw new RangeError(`dedup_key must be 1–${DEDUP_KEY_MAX} characters`);
  const base = { routing_key: config.routingKey, event_action: action, dedup_key: a.dedupKey };
  const url = config.url ?? PAGERDUTY_ENQUEUE_URL;
  if (action !== "trigger") return { url, body: base };
  const group = groupText(a.group);
  return {
    url,
    body: {
      ...base,
      payload: {
        summary: truncate(summary(message), SUMMARY_MAX),
        source: `unitscope/${message.workspace.slug}`,
        severity: pdSeverity(message),
        timestamp: message.occurredAt,
        component: group || "all",
        group: oneLine(a.ruleName),
        class: a.measure,
        custom_details: {
          event: message.type,
          workspace: message.workspace.name,
          rule: a.ruleName,
          rule_kind: a.ruleKind,
          rule_id: a.ruleId,
          alert_id: a.id,
          state: a.state,
          measure: a.measure,
          value: a.value,
          operator: a.operator,
          threshold: a.threshold,
          window: a.window,
          group: a.group,
          started_at: a.startedAt,
        },
      },
      client: "Unitscope",
      client_url: a.permalink,
      links: [{ href: a.permalink, text: "View alert in Unitscope" }],
    },
  };
}

export const pagerDutySender: ChannelSender<PagerDutyConfig> = {
  type: "pagerduty",
  configSchema: pagerDutyConfigSchema,
  secretConfigKeys: ["routingKey"],
  // PagerDuty dedupes on dedup_key, so a repeated attempt updates the same incident rather than opening another.
  // postJson: 2xx (PagerDuty answers 202) delivered; 400 permanent; 429 and 5xx retried with Retry-After.
  send: async (config, message, ctx) => {
    let request: ReturnType<typeof renderPagerDuty>;
    try {
      request = renderPagerDuty(config, message);
    } catch (err) {
      return { ok: false, permanent: true, error: `cannot send to PagerDuty: ${(err as Error).message}` };
    }
    return boundedAttempt(ctx.signal, (signal) => postJson(request.url, JSON.stringify(request.body), { signal }));
  },
};
