import { z } from "zod";
import { postJson } from "@/lib/outbox/post-json";
import type { AlertMessage } from "../alert-message";
import type { ChannelSender } from "../channel-sender";
import { conditionText, groupText, oneLine, summary, valueText } from "./alert-text";
import { boundedAttempt, httpUrlSchema } from "./http";

/** The base URL of an Alertmanager (e.g. http://alertmanager:9093, or behind a path prefix). */
export const alertmanagerConfigSchema = z.object({ url: httpUrlSchema });
export type AlertmanagerConfig = z.infer<typeof alertmanagerConfigSchema>;

/** `<base>/api/v2/alerts`, keeping a path prefix (…/alertmanager) and the query, whatever the trailing slashes. */
export function alertsEndpoint(base: string): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/api/v2/alerts`;
  url.hash = "";
  return url.toString();
}

/** Prometheus' classic label-name syntax, which every Alertmanager version accepts. */
export function sanitizeLabelName(name: string): string {
  const replaced = name.replace(/[^a-zA-Z0-9_]/g, "_");
  return replaced === "" || /^[0-9]/.test(replaced) ? `_${replaced}` : replaced;
}

/**
 * The label set that identifies the alert: Alertmanager dedupes and groups on labels, so these must be
 * the same for every message of one (rule, group). The rule kind is there because rule ids are per kind.
 * Group dimensions become labels too (routing on `provider` works); one that collides with ours, or with
 * another after sanitising, gets a `group_` prefix or a numeric suffix rather than overwriting it.
 */
export function alertLabels(message: AlertMessage): Record<string, string> {
  const a = message.alert;
  // A Map, not an object: a group dimension named `__proto__` or `constructor` must be a plain label.
  const labels = new Map<string, string>([
    ["alertname", oneLine(a.ruleName)],
    ["severity", a.severity],
    ["unitscope_rule_kind", a.ruleKind],
    ["unitscope_rule_id", String(a.ruleId)],
    ["workspace", message.workspace.slug],
  ]);
  for (const [key, value] of Object.entries(a.group)) {
    if (value === "") continue; // Alertmanager drops empty labels; an empty one would only look like identity
    const sanitized = sanitizeLabelName(key);
    const base = labels.has(sanitized) ? `group_${sanitized}` : sanitized;
    let name = base;
    for (let n = 2; labels.has(name); n++) name = `${base}_${n}`;
    labels.set(name, value);
  }
  return Object.fromEntries(labels);
}

/**
 * POST /api/v2/alerts body: an array with one alert. `endsAt` is set only on resolve (the resolution
 * time); without it Alertmanager keeps the alert active until its resolve_timeout after the last post.
 */
export function renderAlertmanager(config: AlertmanagerConfig, message: AlertMessage) {
  const a = message.alert;
  const group = groupText(a.group);
  const alert: {
    labels: Record<string, string>;
    annotations: Record<string, string>;
    startsAt: string;
    endsAt?: string;
    generatorURL: string;
  } = {
    labels: alertLabels(message),
    annotations: {
      summary: summary(message),
      description: `${a.measure} of ${group ? `group ${group}` : "the workspace"} in ${message.workspace.name} is ${valueText(a)} (${conditionText(a)}); ${a.severity} alert of rule "${oneLine(a.ruleName)}", state ${a.state}.`,
      value: valueText(a),
      threshold: a.threshold,
    },
    startsAt: a.startedAt,
    generatorURL: a.permalink,
  };
  if (message.type === "alert.resolved") alert.endsAt = a.resolvedAt ?? message.occurredAt;
  return { url: alertsEndpoint(config.url), body: [alert] };
}

export const alertmanagerSender: ChannelSender<AlertmanagerConfig> = {
  type: "alertmanager",
  configSchema: alertmanagerConfigSchema,
  secretConfigKeys: [],
  // Alertmanager dedupes on the label set, so a repeated attempt updates the same alert.
  send: (config, message, ctx) =>
    boundedAttempt(ctx.signal, (signal) => {
      const { url, body } = renderAlertmanager(config, message);
      return postJson(url, JSON.stringify(body), { signal });
    }),
};
