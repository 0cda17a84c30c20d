import { describe, expect, it } from "vitest";
import type { AlertMessage } from "../alert-message";
import { alertMessage, resolvedMessage } from "./fixtures/alert-messages";
import { PAGERDUTY_ENQUEUE_URL, pagerDutyConfigSchema, pagerDutySender, renderPagerDuty } from "./pagerduty";

const config = { routingKey: "R0UT1NGKEY0000000000000000000000" };

describe("renderPagerDuty", () => {
  it("triggers a firing alert with the Events API v2 payload, to PagerDuty's enqueue endpoint by default", () => {
    expect(renderPagerDuty(config, alertMessage())).toEqual({
      url: "https://events.pagerduty.com/v2/enqueue",
      body: {
        routing_key: "R0UT1NGKEY0000000000000000000000",
        event_action: "trigger",
        dedup_key: "monitor:7:provider=openai",
        payload: {
          summary: "[FIRING] High error rate — provider=openai: error_rate = 0.125 (alert when > 0.05 over 5m)",
          source: "unitscope/acme",
          severity: "critical",
          timestamp: "2026-11-24T10:05:00.000Z",
          component: "provider=openai",
          group: "High error rate",
          class: "error_rate",
          custom_details: {
            event: "alert.firing",
            workspace: "Acme Inc",
            rule: "High error rate",
            rule_kind: "monitor",
            rule_id: 7,
            alert_id: 42,
            state: "firing",
            measure: "error_rate",
            value: "0.125",
            operator: "gt",
            threshold: "0.05",
            window: "5m",
            group: { provider: "openai" },
            started_at: "2026-11-24T10:03:00.000Z",
          },
        },
        client: "Unitscope",
        client_url: "https://unitscope.example.com/acme/alerts/42",
        links: [{ href: "https://unitscope.example.com/acme/alerts/42", text: "View alert in Unitscope" }],
      },
    });
    expect(PAGERDUTY_ENQUEUE_URL).toBe("https://events.pagerduty.com/v2/enqueue");
  });

  it("resolves and acknowledges by the same dedup_key, without a payload", () => {
    const proxy = { ...config, url: "http://pd-proxy.internal/v2/enqueue" };
    expect(renderPagerDuty(proxy, resolvedMessage())).toEqual({
      url: "http://pd-proxy.internal/v2/enqueue",
      body: { routing_key: config.routingKey, event_action: "resolve", dedup_key: "monitor:7:provider=openai" },
    });
    const acked = alertMessage({
      type: "alert.acknowledged",
      alert: { acknowledgedAt: "2026-11-24T10:06:00.000Z", acknowledgedBy: "ana" },
    });
    expect(renderPagerDuty(config, acked).body).toEqual({
      routing_key: config.routingKey,
      event_action: "acknowledge",
      dedup_key: "monitor:7:provider=openai",
    });
  });

  it("maps every event type onto an action and our severities onto PagerDuty's", () => {
    const action = (type: AlertMessage["type"]) => renderPagerDuty(config, alertMessage({ type })).body.event_action;
    expect(action("alert.firing")).toBe("trigger");
    expect(action("alert.warning")).toBe("trigger");
    expect(action("alert.renotify")).toBe("trigger");
    expect(action("alert.test")).toBe("trigger");
    const severity = (m: ReturnType<typeof alertMessage>) =>
      (renderPagerDuty(config, m).body as { payload: { severity: string } }).payload.severity;
    expect(severity(alertMessage({ type: "alert.warning", alert: { severity: "warning", state: "warning" } }))).toBe("warning");
    expect(severity(alertMessage({ type: "alert.test" }))).toBe("info");
  });

  it("cuts the summary to 1024 characters without splitting an emoji, and names the ungrouped component", () => {
    const m = alertMessage({ alert: { ruleName: `x${"😀".repeat(800)}`, group: {} } });
    const payload = (renderPagerDuty(config, m).body as { payload: { summary: string; component: string } }).payload;
    // "[FIRING] x" is 10 code units, so the 1023rd would be half an emoji: the cut lands one earlier.
    expect(payload.summary.length).toBe(1023);
    expect(payload.summary.endsWith("…")).toBe(true);
    expect(payload.summary).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(payload.component).toBe("all");
  });

  it("refuses, permanently, a message whose dedup_key PagerDuty would reject", async () => {
    const m = alertMessage();
    m.alert.dedupKey = "k".repeat(256); // past the schema, as a hand-built message could be
    expect(() => renderPagerDuty(config, m)).toThrow(RangeError);
    const result = await pagerDutySender.send(config, m, { idempotencyKey: "k1", signal: new AbortController().signal });
    expect(result).toMatchObject({ ok: false, permanent: true });
  });
});

describe("pagerDutyConfigSchema", () => {
  it("requires a routing key; the URL is optional and must be http(s)", () => {
    expect(pagerDutyConfigSchema.parse({ routingKey: " abc " })).toEqual({ routingKey: "abc" });
    expect(pagerDutyConfigSchema.safeParse({ routingKey: "" }).success).toBe(false);
    expect(pagerDutyConfigSchema.safeParse({ routingKey: "abc", url: "file:///etc/passwd" }).success).toBe(false);
  });
});
