import type { AlertMessage } from "../alert-message";

/**
 * The words every channel uses for an alert, so Slack, PagerDuty, Alertmanager and e-mail describe the
 * same event the same way. Pure string functions; each channel escapes them for its own format.
 */

/** The bracketed tag of a subject or headline. A renotification says the alert is still on, not new. */
export const EVENT_LABEL: Record<AlertMessage["type"], string> = {
  "alert.firing": "FIRING",
  "alert.warning": "WARNING",
  "alert.resolved": "RESOLVED",
  "alert.acknowledged": "ACKNOWLEDGED",
  "alert.renotify": "STILL FIRING",
  "alert.test": "TEST",
};

export const OPERATOR_SYMBOL: Record<AlertMessage["alert"]["operator"], string> = { gt: ">", gte: "≥", lt: "<", lte: "≤" };

/** `provider=openai, model=gpt-4o`; empty string for an ungrouped rule. */
export function groupText(group: Record<string, string>): string {
  return Object.entries(group)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}

/** The measured value, or what a missing one means. */
export function valueText(alert: AlertMessage["alert"]): string {
  return alert.value ?? "no data";
}

/**
 * The rule's condition, true in every state: "alert when > 0.05 over 5m". Written this way (not
 * "0.01 > 0.05") because a resolved alert's value no longer satisfies it.
 */
export function conditionText(alert: AlertMessage["alert"]): string {
  return `alert when ${OPERATOR_SYMBOL[alert.operator]} ${alert.threshold} over ${alert.window}`;
}

/** `[FIRING] High error rate — provider=openai`: the subject line, one line whatever the names contain. */
export function headline(message: AlertMessage): string {
  const group = groupText(message.alert.group);
  return oneLine(`[${EVENT_LABEL[message.type]}] ${message.alert.ruleName}${group ? ` — ${group}` : ""}`);
}

/** Headline plus the measurement: `[FIRING] High error rate — provider=openai: error_rate = 0.12 (alert when > 0.05 over 5m)`. */
export function summary(message: AlertMessage): string {
  const a = message.alert;
  return `${headline(message)}: ${oneLine(a.measure)} = ${valueText(a)} (${conditionText(a)})`;
}

/** Collapses line breaks and runs of whitespace (names are user input; a subject or label must stay one line). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Cuts `text` to at most `max` UTF-16 code units, ending in "…" when cut, and never between the two
 * halves of a surrogate pair (an emoji cut in half is invalid UTF-16 and some receivers reject it).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return "";
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}
