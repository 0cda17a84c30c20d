import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { createChannel } from "@/lib/notifications/channel-store";
import { startHttpReceiver, type Received } from "@/lib/notifications/channels/fixtures/http-receiver";
import { parseMail, startSmtpReceiver } from "@/lib/notifications/channels/fixtures/smtp-receiver";
import { notificationDeliverers } from "@/lib/notifications/notification-deliverers";
import { dispatchOutbox } from "@/lib/outbox/dispatch-outbox";
import { makeEvent, makeWorkspace as makeAnyWorkspace } from "@/prisma/seed/factories";
import { openTestDatabase } from "@/prisma/seed/test-db";
import { getAlert, listAlertDeliveries, listAlerts } from "./alert-queries";
import { evaluateMonitors } from "./evaluate-monitors";
import { createMonitor } from "./monitor-store";

/**
 * The acceptance flow of alerts-webhook.db.test.ts through the four other channel types at once, each
 * against a real receiver: Slack, PagerDuty's Events API and Alertmanager played by loopback HTTP
 * servers, e-mail by a real SMTP server (smtp-server) reached through UNITSCOPE_SMTP_URL. ingest →
 * evaluateMonitors (clock injected) → the outbox dispatcher with the registry's deliverers.
 */

// Files share one PostgreSQL database: each dispatcher here delivers only this file's workspaces' messages.
const ownWorkspaces = new Set<number>();
async function makeWorkspace(prisma: Database["prisma"]) {
  const ws = await makeAnyWorkspace(prisma);
  ownWorkspaces.add(ws.id);
  return ws;
}

let db: Database;
const MIN = 60_000;
const FROM = "Unitscope Alerts <alerts@unitscope.example>";
const saved = { url: process.env.UNITSCOPE_SMTP_URL, from: process.env.UNITSCOPE_MAIL_FROM };
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const dispatch = () =>
  dispatchOutbox(
    db,
    notificationDeliverers(() => Promise.resolve(db), { backoffSeconds: 0 }),
    { workspaceIds: [...ownWorkspaces] },
  );

beforeAll(async () => {
  db = await openTestDatabase();
  smtp = await startSmtpReceiver({ user: "mailer", pass: "s3cret" });
  // Read by the e-mail sender at send time, as the worker reads its environment.
  process.env.UNITSCOPE_SMTP_URL = smtp.url;
  process.env.UNITSCOPE_MAIL_FROM = FROM;
});
afterAll(async () => {
  await smtp?.close();
  for (const [k, v] of [
    ["UNITSCOPE_SMTP_URL", saved.url],
    ["UNITSCOPE_MAIL_FROM", saved.from],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await db?.close();
});

function baseMinute(minutesAgo: number): number {
  return Math.floor(Date.now() / MIN) * MIN - minutesAgo * MIN;
}

function events(provider: string, at: number, ok: number, failed: number) {
  const ts = new Date(at).toISOString();
  return [
    ...Array.from({ length: ok }, () => makeEvent({ provider, timestamp: ts })),
    ...Array.from({ length: failed }, () => makeEvent({ provider, timestamp: ts, status: "error", httpStatus: 500 })),
  ];
}

const json = <T>(r: Received) => JSON.parse(r.body) as T;
type SlackBody = { text: string; blocks: { type: string }[] };
type PagerDutyBody = { event_action: string; dedup_key: string; routing_key: string; payload?: { summary: string; component: string } };
type AmAlert = { labels: Record<string, string>; annotations: Record<string, string>; startsAt: string; endsAt?: string };

describe("monitor → Slack, PagerDuty, Alertmanager and e-mail (acceptance: error_rate > 0.05 over 5m grouped by provider)", () => {
  it("one firing message per receiver for the breaching provider only; recovery → one resolve each (PagerDuty same dedup_key)", async () => {
    const slack = await startHttpReceiver(() => ({ status: 200, body: "ok" }));
    const pagerduty = await startHttpReceiver(() => ({ status: 202, body: '{"status":"success","message":"Event processed"}' }));
    const alertmanager = await startHttpReceiver(() => ({ status: 200 }));
    smtp.received.length = 0;
    try {
      const ws = await makeWorkspace(db.prisma);
      const channels = await Promise.all([
        createChannel(db, ws.id, { name: "slack", type: "slack", config: { url: `${slack.origin}/services/T000/B000/XXXX` } }),
        createChannel(db, ws.id, {
          name: "pd",
          type: "pagerduty",
          config: { routingKey: "R0UT1NGKEY", url: `${pagerduty.origin}/v2/enqueue` },
        }),
        createChannel(db, ws.id, { name: "am", type: "alertmanager", config: { url: alertmanager.origin } }),
        createChannel(db, ws.id, { name: "mail", type: "email", config: { to: ["oncall@acme.test"] } }),
      ]);
      const monitor = await createMonitor(db, ws.id, {
        name: "errors by provider",
        measure: "error_rate",
        window: "5m",
        operator: "gt",
        alertThreshold: 0.05,
        groupBy: ["provider"],
        channelIds: channels.map((c) => c.channel.id),
      });
      const t0 = baseMinute(30);
      await ingestEvents(db, ws.id, [
        ...events("openai", t0 - 3 * MIN, 10, 5),
        ...events("anthropic", t0 - 3 * MIN, 20, 0),
        ...events("mistral", t0 - 2 * MIN, 40, 1), // 1/41 < 0.05: below the threshold
      ]);

      const [first] = await evaluateMonitors(db, ws.id, new Date(t0));
      expect(first).toMatchObject({ monitorId: monitor.id, groups: 3, transitions: 1, notifications: 4 });
      await evaluateMonitors(db, ws.id, new Date(t0 + MIN)); // still firing: nothing new
      // (No counts from the dispatcher's report: on a shared Postgres it also delivers other files' messages.)
      await dispatch();

      const [alert] = await listAlerts(db, ws.id, { state: "firing", limit: 10 });
      expect(alert).toMatchObject({ ruleId: monitor.id, group: { provider: "openai" }, state: "firing" });
      const all = () => [slack.received, pagerduty.received, alertmanager.received, smtp.received];
      expect(all().map((r) => r.length)).toEqual([1, 1, 1, 1]);

      const slackFiring = json<SlackBody>(slack.received[0]!);
      expect(slack.received[0]!.path).toBe("/services/T000/B000/XXXX");
      expect(slackFiring.text).toMatch(/^:red_circle: \[FIRING\] errors by provider — provider=openai: error_rate = /);
      expect(slackFiring.blocks.length).toBeGreaterThan(0);

      const trigger = json<PagerDutyBody>(pagerduty.received[0]!);
      expect(trigger).toMatchObject({
        routing_key: "R0UT1NGKEY",
        event_action: "trigger",
        dedup_key: alert!.dedupKey,
        payload: { component: "provider=openai", summary: expect.stringContaining("[FIRING] errors by provider") },
      });

      expect(alertmanager.received[0]!.path).toBe("/api/v2/alerts");
      const [amFiring] = json<AmAlert[]>(alertmanager.received[0]!);
      expect(amFiring!.labels).toMatchObject({ alertname: "errors by provider", severity: "critical", provider: "openai" });
      expect(amFiring!.startsAt).toBe(alert!.startedAt);
      expect(amFiring!.endsAt).toBeUndefined();

      const mailFiring = parseMail(smtp.received[0]!.raw);
      expect(smtp.received[0]!.to).toEqual(["oncall@acme.test"]);
      expect(mailFiring.headers.get("subject")).toBe("[FIRING] errors by provider — provider=openai");
      expect(mailFiring.parts.map((p) => p.type)).toEqual(["text/plain", "text/html"]);

      // Recovery: plenty of successful openai calls, the errors out of the window.
      await ingestEvents(db, ws.id, events("openai", t0 + 2 * MIN, 200, 0));
      await evaluateMonitors(db, ws.id, new Date(t0 + 6 * MIN));
      await evaluateMonitors(db, ws.id, new Date(t0 + 7 * MIN));
      await dispatch();
      expect(all().map((r) => r.length)).toEqual([2, 2, 2, 2]);
      const resolvedAt = new Date(t0 + 6 * MIN).toISOString();

      expect(json<SlackBody>(slack.received[1]!).text).toMatch(/\[RESOLVED\] errors by provider — provider=openai/);
      expect(json<PagerDutyBody>(pagerduty.received[1]!)).toEqual({
        routing_key: "R0UT1NGKEY",
        event_action: "resolve",
        dedup_key: trigger.dedup_key,
      });
      const [amResolved] = json<AmAlert[]>(alertmanager.received[1]!);
      expect(amResolved!.labels).toEqual(amFiring!.labels);
      expect(amResolved!.endsAt).toBe(resolvedAt);
      expect(parseMail(smtp.received[1]!.raw).headers.get("subject")).toBe("[RESOLVED] errors by provider — provider=openai");

      // Other providers: nothing, on any channel.
      const everything = [...slack.received, ...pagerduty.received, ...alertmanager.received].map((r) => r.body).join("\n");
      expect(everything).not.toMatch(/anthropic|mistral/);
      expect(smtp.received.map((m) => m.raw).join("\n")).not.toMatch(/anthropic|mistral/);
      expect(await listAlerts(db, ws.id, { state: "all", limit: 10 })).toHaveLength(1);

      // The delivery log: one delivered attempt per channel and message.
      const log = await listAlertDeliveries(db, ws.id, alert!.id);
      expect(log.map((d) => [d.event, d.channelType, d.attempt, d.outcome]).sort()).toEqual(
        [
          ...["slack", "pagerduty", "alertmanager", "email"].map((t) => ["alert.firing", t, 1, "delivered"]),
          ...["slack", "pagerduty", "alertmanager", "email"].map((t) => ["alert.resolved", t, 1, "delivered"]),
        ].sort(),
      );
      expect((await getAlert(db, ws.id, alert!.id)).transitions.map((t) => [t.from, t.to, t.notification])).toEqual([
        ["ok", "firing", "alert.firing"],
        ["firing", "resolved", "alert.resolved"],
      ]);
    } finally {
      await Promise.all([slack.close(), pagerduty.close(), alertmanager.close()]);
    }
  });
});
