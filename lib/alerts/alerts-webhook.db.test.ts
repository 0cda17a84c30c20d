import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { createChannel, listChannels, rotateWebhookSecret, testChannel } from "@/lib/notifications/channel-store";
import { notificationDeliverers } from "@/lib/notifications/notification-deliverers";
import { dispatchOutbox } from "@/lib/outbox/dispatch-outbox";
import { startReceiver, type Answer, type Received } from "@/lib/outbox/fixtures/loopback-receiver";
import { makeEvent, makeWorkspace as makeAnyWorkspace } from "@/prisma/seed/factories";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { ackAlert } from "./ack-alert";
import { evaluateAlertsJob } from "./alert-jobs";
import { getAlert, listAlertDeliveries, listAlerts } from "./alert-queries";
import { evaluateMonitors } from "./evaluate-monitors";
import { createMonitor, patchMonitor } from "./monitor-store";
import { previewMonitor } from "./preview-monitor";
import { createSilence } from "./silences";

/**
 * The acceptance flow for the webhook channel, end to end on a real database and a real loopback
 * receiver: ingest → evaluateMonitors (clock injected) → the outbox dispatcher → signed Standard
 * Webhooks. Crash exactly-once is lib/outbox's crash test (same outbox, same dispatcher).
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
const deliverers = () => notificationDeliverers(() => Promise.resolve(db), { backoffSeconds: 0 });
const dispatch = () => dispatchOutbox(db, deliverers(), { workspaceIds: [...ownWorkspaces] });

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** A whole minute well in the past, so every event and evaluation instant is valid "now" for ingest. */
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

/** Standard Webhooks verification, written from the spec (not with our signer). */
function verify(secret: string, r: Received): boolean {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key)
    .update(`${r.headers["webhook-id"]}.${r.headers["webhook-timestamp"]}.${r.body}`)
    .digest("base64");
  return String(r.headers["webhook-signature"])
    .split(" ")
    .some((s) => s === `v1,${expected}`);
}

async function setup(answer?: (id: string, n: number) => Answer) {
  const ws = await makeWorkspace(db.prisma);
  const receiver = await startReceiver(answer);
  const { channel, secrets } = await createChannel(db, ws.id, { name: "hook", type: "webhook", config: { url: receiver.url } });
  return { ws, receiver, channel, secret: secrets.secret! };
}

const bodies = (r: { received: Received[] }) =>
  r.received.map((x) => JSON.parse(x.body) as { type: string; data: { alert: Record<string, unknown> } });

describe("monitor → webhook (acceptance: error_rate > 0.05 over 5m grouped by provider)", () => {
  it("one alert.firing for the breaching provider only, validly signed; recovery → one alert.resolved", async () => {
    const { ws, receiver, channel, secret } = await setup();
    try {
      const monitor = await createMonitor(db, ws.id, {
        name: "errors by provider",
        measure: "error_rate",
        window: "5m",
        operator: "gt",
        alertThreshold: 0.05,
        groupBy: ["provider"],
        channelIds: [channel.id],
      });
      const t0 = baseMinute(30);
      await ingestEvents(db, ws.id, [...events("openai", t0 - 3 * MIN, 10, 5), ...events("anthropic", t0 - 3 * MIN, 20, 0)]);

      const first = await evaluateMonitors(db, ws.id, new Date(t0));
      expect(first).toEqual([expect.objectContaining({ monitorId: monitor.id, groups: 2, transitions: 1, notifications: 1 })]);
      // Evaluating the same instant again (a repeated job) does nothing; the next minute changes nothing.
      expect((await evaluateMonitors(db, ws.id, new Date(t0)))[0]).toMatchObject({ skipped: "already-evaluated" });
      expect((await evaluateMonitors(db, ws.id, new Date(t0 + MIN)))[0]).toMatchObject({ transitions: 0, notifications: 0 });
      await dispatch();

      expect(receiver.received).toHaveLength(1);
      const [firing] = bodies(receiver);
      expect(firing!.type).toBe("alert.firing");
      expect(firing!.data.alert).toMatchObject({ group: { provider: "openai" }, state: "firing", severity: "critical", threshold: "0.05" });
      expect(Number(firing!.data.alert.value)).toBeCloseTo(5 / 15, 10);
      expect(verify(secret, receiver.received[0]!)).toBe(true);
      const [alert] = await listAlerts(db, ws.id, { state: "firing", limit: 100 });
      expect(alert).toMatchObject({ ruleKind: "monitor", ruleId: monitor.id, group: { provider: "openai" }, state: "firing" });
      expect(receiver.received[0]!.id).toMatch(new RegExp(`^alert:${alert!.id}:\\d+:ch${channel.id}$`));

      // Recovery: plenty of successful openai calls, the errors out of the window.
      await ingestEvents(db, ws.id, events("openai", t0 + 2 * MIN, 200, 0));
      await evaluateMonitors(db, ws.id, new Date(t0 + 6 * MIN));
      await evaluateMonitors(db, ws.id, new Date(t0 + 7 * MIN));
      await dispatch();
      expect(bodies(receiver).map((b) => [b.type, b.data.alert.group])).toEqual([
        ["alert.firing", { provider: "openai" }],
        ["alert.resolved", { provider: "openai" }],
      ]);
      expect(receiver.received.every((r) => verify(secret, r))).toBe(true);
      expect(await listAlerts(db, ws.id, { state: "firing", limit: 100 })).toEqual([]);
      const [resolved] = await listAlerts(db, ws.id, { state: "resolved", limit: 100 });
      expect(resolved).toMatchObject({ id: alert!.id, state: "resolved", resolvedAt: new Date(t0 + 6 * MIN).toISOString() });
      expect((await getAlert(db, ws.id, alert!.id)).transitions.map((t) => [t.from, t.to, t.notification])).toEqual([
        ["ok", "firing", "alert.firing"],
        ["firing", "resolved", "alert.resolved"],
      ]);
    } finally {
      await receiver.close();
    }
  });

  it("renotifies at the interval while firing; acknowledged → alert.acknowledged once and no more renotifications", async () => {
    const { ws, receiver, channel } = await setup();
    try {
      await createMonitor(db, ws.id, {
        name: "renotify",
        measure: "error_rate",
        window: "2h",
        operator: "gt",
        alertThreshold: "0.05",
        groupBy: ["provider"],
        renotifyMinutes: 30,
        channelIds: [channel.id],
      });
      const t0 = baseMinute(180);
      await ingestEvents(db, ws.id, events("mistral", t0 - 5 * MIN, 5, 5));
      for (const m of [0, 10, 29]) await evaluateMonitors(db, ws.id, new Date(t0 + m * MIN));
      await dispatch();
      expect(bodies(receiver).map((b) => b.type)).toEqual(["alert.firing"]);
      await evaluateMonitors(db, ws.id, new Date(t0 + 30 * MIN));
      await evaluateMonitors(db, ws.id, new Date(t0 + 31 * MIN));
      await dispatch();
      expect(bodies(receiver).map((b) => b.type)).toEqual(["alert.firing", "alert.renotify"]);

      const [alert] = await listAlerts(db, ws.id, { state: "firing", limit: 10 });
      await ackAlert(db, ws.id, alert!.id, "oncall@example.test", new Date(t0 + 32 * MIN));
      await ackAlert(db, ws.id, alert!.id, "oncall@example.test", new Date(t0 + 33 * MIN)); // twice: nothing more
      for (const m of [61, 62, 95]) await evaluateMonitors(db, ws.id, new Date(t0 + m * MIN));
      await dispatch();
      const sent = bodies(receiver);
      expect(sent.map((b) => b.type)).toEqual(["alert.firing", "alert.renotify", "alert.acknowledged"]);
      expect(sent[2]!.data.alert).toMatchObject({ acknowledgedBy: "oncall@example.test", state: "firing" });
      // Every message of the episode carries the same dedup key (PagerDuty dedup_key).
      expect(new Set(sent.map((b) => b.data.alert.dedupKey)).size).toBe(1);
    } finally {
      await receiver.close();
    }
  });

  it("a silence suppresses notifications but keeps state and history", async () => {
    const { ws, receiver, channel } = await setup();
    try {
      const monitor = await createMonitor(db, ws.id, {
        name: "silenced",
        measure: "failed_requests",
        window: "10m",
        operator: "gte",
        alertThreshold: 3,
        groupBy: ["provider"],
        channelIds: [channel.id],
      });
      const t0 = baseMinute(60);
      await createSilence(
        db,
        ws.id,
        { ruleKind: "monitor", ruleId: monitor.id, group: { provider: "groq" }, until: new Date(Date.now() + 3_600_000).toISOString() },
        "me",
      );
      await ingestEvents(db, ws.id, [...events("groq", t0 - 2 * MIN, 0, 4), ...events("x-ai", t0 - 2 * MIN, 0, 4)]);
      await evaluateMonitors(db, ws.id, new Date(t0));
      await dispatch();
      // x-ai (not silenced; the canonical provider id ingest stores for "xai") notified; groq firing too, but silently, with its history.
      expect(bodies(receiver).map((b) => b.data.alert.group)).toEqual([{ provider: "x-ai" }]);
      const alerts = await listAlerts(db, ws.id, { state: "firing", limit: 10 });
      const groq = alerts.find((a) => a.group.provider === "groq")!;
      expect(groq).toMatchObject({ state: "firing", silenced: true });
      expect((await getAlert(db, ws.id, groq.id)).transitions).toEqual([
        expect.objectContaining({ from: "ok", to: "firing", notification: "alert.firing", suppressed: true }),
      ]);
      expect(await listAlertDeliveries(db, ws.id, groq.id)).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});

describe("delivery log, channel tests, rotation, 410", () => {
  it("a receiver answering 503, 503, 200 gets three attempts, all in the alert's deliveries", async () => {
    const { ws, receiver, channel } = await setup((_id, n) => (n < 3 ? { status: 503 } : { status: 200 }));
    try {
      await createMonitor(db, ws.id, {
        name: "flaky receiver",
        measure: "error_rate",
        window: "5m",
        operator: "gt",
        alertThreshold: 0.05,
        channelIds: [channel.id],
      });
      const t0 = baseMinute(20);
      await ingestEvents(db, ws.id, events("openai", t0 - MIN, 1, 1));
      await evaluateMonitors(db, ws.id, new Date(t0));
      await dispatch();
      const [alert] = await listAlerts(db, ws.id, { state: "firing", limit: 10 });
      const log = await listAlertDeliveries(db, ws.id, alert!.id);
      expect(log.map((d) => [d.attempt, d.outcome, d.statusCode, d.event, d.channelId, d.channelType])).toEqual([
        [1, "retry", 503, "alert.firing", channel.id, "webhook"],
        [2, "retry", 503, "alert.firing", channel.id, "webhook"],
        [3, "delivered", 200, "alert.firing", channel.id, "webhook"],
      ]);
      expect(log.every((d) => d.durationMs !== null && d.finishedAt !== null)).toBe(true);
      expect(receiver.acknowledged(receiver.received[0]!.id)).toBe(1);
      expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1); // same webhook-id on every attempt
      expect((await listChannels(db, ws.id))[0]!.lastDelivery).toMatchObject({ outcome: "delivered", statusCode: 200, attempt: 3 });
    } finally {
      await receiver.close();
    }
  });

  it("test messages go through the outbox; secrets are never listed; a rotated secret signs beside the new one", async () => {
    const { ws, receiver, channel, secret } = await setup();
    try {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      const listed = await listChannels(db, ws.id);
      expect(JSON.stringify(listed)).not.toContain(secret);
      expect(listed[0]).toMatchObject({ id: channel.id, type: "webhook", config: { url: receiver.url }, secretKeys: ["secret"] });

      await testChannel(db, ws.id, channel.id);
      await dispatch();
      expect(bodies(receiver).map((b) => b.type)).toEqual(["alert.test"]);
      expect(verify(secret, receiver.received[0]!)).toBe(true);

      const rotated = await rotateWebhookSecret(db, ws.id, channel.id);
      expect(JSON.stringify(await listChannels(db, ws.id))).not.toContain(rotated.secret);
      await testChannel(db, ws.id, channel.id, new Date(Date.now() + 1));
      await dispatch();
      const second = receiver.received[1]!;
      expect(String(second.headers["webhook-signature"]).split(" ")).toHaveLength(2);
      expect(verify(rotated.secret, second)).toBe(true);
      expect(verify(secret, second)).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it("410 Gone disables a webhook channel; a disabled channel gets no new notifications", async () => {
    const { ws, receiver, channel } = await setup(() => ({ status: 410 }));
    try {
      await testChannel(db, ws.id, channel.id);
      await dispatch();
      const [after] = await listChannels(db, ws.id);
      expect(after).toMatchObject({
        enabled: false,
        disabledReason: expect.stringMatching(/410/),
        lastDelivery: { outcome: "failed", statusCode: 410 },
      });
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});

describe("monitor validation", () => {
  it("answers 400 naming the field", async () => {
    const ws = await makeWorkspace(db.prisma);
    const other = await makeWorkspace(db.prisma);
    const { channel: foreign } = await createChannel(db, other.id, { name: "x", type: "webhook", config: { url: "http://127.0.0.1:9/x" } });
    const base = { name: "m", measure: "error_rate", window: "5m", operator: "gt", alertThreshold: 0.05 };
    const message = (input: unknown) =>
      createMonitor(db, ws.id, input).then(
        () => "created",
        (e: Error) => e.message,
      );
    expect(await message({ ...base, window: "1m" })).toMatch(/^window: must be a duration from 5m to 7d/);
    expect(await message({ ...base, measure: "p95" })).toMatch(/^measure: unknown measure 'p95'/);
    expect(await message({ ...base, groupBy: ["vendor"] })).toMatch(/^groupBy.0: unknown dimension 'vendor'/);
    expect(await message({ ...base, filters: { vendor: ["x"] } })).toMatch(/^filters: unknown filter/);
    expect(await message({ ...base, operator: "above" })).toMatch(/^operator: /);
    expect(await message({ ...base, warningThreshold: 0.1 })).toMatch(/^warningThreshold: must be below alertThreshold/);
    expect(await message({ ...base, channelIds: [foreign.id] })).toMatch(
      new RegExp(`^channelIds.0: no alert channel ${foreign.id} in this workspace`),
    );
    expect(await message({ ...base, alertThreshold: "abc" })).toMatch(/^alertThreshold: /);
    const m = await createMonitor(db, ws.id, base);
    await expect(patchMonitor(db, ws.id, m.id, { forEvaluations: 0 })).rejects.toThrow(/^forEvaluations: /);
    expect(await patchMonitor(db, ws.id, m.id, { window: "7d", warningThreshold: "0.01" })).toMatchObject({
      window: "7d",
      windowSeconds: 604_800,
      warningThreshold: "0.01",
    });
    await expect(createChannel(db, ws.id, { name: "x", type: "webhook", config: { url: "ftp://x" } })).rejects.toThrow(/^config.url: /);
    await expect(createChannel(db, ws.id, { name: "x", type: "carrier-pigeon", config: {} })).rejects.toThrow(
      /^type: unknown channel type/,
    );
    expect(uid()).toBeTruthy();
  });
});

describe("a workspace's evaluation cycle", () => {
  it("evaluates many monitors (a few at a time on Postgres): each once per instant, results in monitor order, one message per transition", async () => {
    const { ws, receiver, channel } = await setup();
    try {
      // Twelve monitors on the same events: thresholds 0.00…0.55 over an error rate of 1/3, so the first seven fire.
      const monitors = [];
      for (let i = 0; i < 12; i++) {
        monitors.push(
          await createMonitor(db, ws.id, {
            name: `cycle ${i}`,
            measure: "error_rate",
            window: i % 2 ? "10m" : "5m",
            operator: "gt",
            alertThreshold: (i * 0.05).toFixed(2),
            groupBy: i % 3 ? ["provider"] : [],
            channelIds: [channel.id],
          }),
        );
      }
      const t0 = baseMinute(25);
      await ingestEvents(db, ws.id, events("openai", t0 - 2 * MIN, 10, 5));
      const first = await evaluateMonitors(db, ws.id, new Date(t0));
      expect(first.map((r) => [r.monitorId, r.transitions, r.notifications, r.error])).toEqual(
        monitors.map((m, i) => [m.id, i < 7 ? 1 : 0, i < 7 ? 1 : 0, undefined]),
      );
      expect((await evaluateMonitors(db, ws.id, new Date(t0))).every((r) => r.skipped === "already-evaluated")).toBe(true);
      await dispatch();
      expect(
        bodies(receiver)
          .map((b) => b.data.alert.ruleId)
          .sort((a, b) => Number(a) - Number(b)),
      ).toEqual(monitors.slice(0, 7).map((m) => m.id));
      expect(new Set(receiver.received.map((r) => r.id)).size).toBe(7);
      expect(await listAlerts(db, ws.id, { state: "firing", limit: 100 })).toHaveLength(7);
    } finally {
      await receiver.close();
    }
  });
});

describe("backtest (POST /api/v1/monitors/preview)", () => {
  it("replays an unsaved rule at its cadence and returns the series and the periods it would have fired", async () => {
    const ws = await makeWorkspace(db.prisma);
    const e = baseMinute(40);
    await ingestEvents(db, ws.id, [...events("openai", e, 10, 5), ...events("anthropic", e, 10, 0)]);
    const preview = await previewMonitor(db, ws.id, {
      days: 1,
      monitor: {
        name: "draft",
        measure: "error_rate",
        window: "5m",
        operator: "gt",
        alertThreshold: 0.05,
        groupBy: ["provider"],
        noData: "ok",
      },
    });
    expect(preview).toMatchObject({ granularity: "minute", stepSeconds: 60, windowSteps: 5, approximate: false });
    // The errors' minute is inside the 5-minute window of the five evaluations that end after it.
    expect(preview.periods).toEqual([
      {
        group: { provider: "openai" },
        from: new Date(e + MIN).toISOString(),
        to: new Date(e + 6 * MIN).toISOString(),
        severity: "critical",
      },
    ]);
    const openai = preview.series.find((s) => s.group.provider === "openai")!;
    const at = (t: number) => openai.points.find((p) => p.at === new Date(t).toISOString());
    expect(at(e + 3 * MIN)).toMatchObject({ requests: 15, outcome: "breach-critical", state: "firing" });
    expect(Number(at(e + 3 * MIN)!.value)).toBeCloseTo(1 / 3, 10);
    expect(at(e + 6 * MIN)).toMatchObject({ requests: 0, outcome: "no-data", state: "resolved" });
    expect(preview.series.find((s) => s.group.provider === "anthropic")!.points.some((p) => p.state !== "ok")).toBe(false);

    // A saved rule previews the same; a bad unsaved one is a 400 naming the field.
    const saved = await createMonitor(db, ws.id, {
      name: "saved",
      measure: "error_rate",
      window: "5m",
      operator: "gt",
      alertThreshold: 0.05,
      groupBy: ["provider"],
      noData: "ok",
    });
    expect((await previewMonitor(db, ws.id, { monitorId: saved.id })).periods).toEqual(preview.periods);
    await expect(
      previewMonitor(db, ws.id, { monitor: { name: "x", measure: "error_rate", window: "5m", operator: "gt" } }),
    ).rejects.toThrow(/^monitor.alertThreshold: /);
  });
});

describe("the evaluation job", () => {
  it("evaluates a workspace's period once and records it in the period ledger", async () => {
    const { ws, receiver, channel } = await setup();
    try {
      await createMonitor(db, ws.id, {
        name: "job",
        measure: "failed_requests",
        window: "5m",
        operator: "gt",
        alertThreshold: 0,
        channelIds: [channel.id],
      });
      const t0 = baseMinute(15);
      await ingestEvents(db, ws.id, events("openai", t0 - MIN, 0, 2));
      const data = { workspaceId: ws.id, period: new Date(t0).toISOString(), dueAt: new Date(t0).toISOString(), timeZone: "UTC" };
      const ctx = { jobId: "test", attempt: 1, progress: async () => undefined, signal: new AbortController().signal };
      await evaluateAlertsJob.handler(db, data, ctx);
      await evaluateAlertsJob.handler(db, data, ctx); // a duplicate run of the same period
      const ledger = await db.sql.query(`SELECT 1 AS x FROM "job_period_ledger" WHERE "workspace_id" = $1 AND "job" = 'alerts.evaluate'`, [
        ws.id,
      ]);
      expect(ledger).toHaveLength(1);
      await dispatch();
      expect(bodies(receiver).map((b) => b.type)).toEqual(["alert.firing"]);
    } finally {
      await receiver.close();
    }
  });
});
