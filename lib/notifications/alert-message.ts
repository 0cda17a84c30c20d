import { z } from "zod";

/**
 * What every notification channel is told about an alert: one shape, rendered per channel (Standard
 * Webhooks JSON, Slack Block Kit, PagerDuty Events v2, Alertmanager, e-mail). lib/alerts builds it inside
 * the transition's transaction; lib/notifications renders and sends it. Everything a receiver needs to
 * act is here, so a delivery never reads rule state that may have moved on since.
 */
export const ALERT_EVENT_TYPES = [
  "alert.firing",
  "alert.warning",
  "alert.resolved",
  "alert.acknowledged",
  "alert.renotify",
  "alert.test",
] as const;

export const alertMessageSchema = z.object({
  type: z.enum(ALERT_EVENT_TYPES),
  /** When the state change (or renotification) happened, RFC 3339 UTC. */
  occurredAt: z.string(),
  workspace: z.object({ slug: z.string(), name: z.string() }),
  alert: z.object({
    id: z.number().int(),
    /** `monitor` now; `slo`, `budget`, `anomaly` plug into the same engine later. */
    ruleKind: z.enum(["monitor", "slo", "budget", "anomaly", "test"]),
    ruleId: z.number().int(),
    ruleName: z.string(),
    /** Dimension values of the group this alert is about ({} when the rule is not grouped). */
    group: z.record(z.string(), z.string()),
    state: z.enum(["ok", "pending", "warning", "firing", "resolved", "no_data"]),
    severity: z.enum(["warning", "critical"]),
    measure: z.string(),
    operator: z.enum(["gt", "gte", "lt", "lte"]),
    /** Measured value and the threshold it was compared with, as decimal strings (money stays exact). */
    value: z.string().nullable(),
    threshold: z.string(),
    window: z.string(),
    startedAt: z.string(),
    resolvedAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    /** Link back to the alert in Unitscope. */
    permalink: z.string(),
    /**
     * Stable per (rule, group) across the whole episode and its renotifications: PagerDuty's dedup_key,
     * Alertmanager's label set identity. At most 255 characters.
     */
    dedupKey: z.string().max(255),
  }),
});

export type AlertMessage = z.infer<typeof alertMessageSchema>;
