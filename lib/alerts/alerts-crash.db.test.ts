import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnWorker } from "@/lib/outbox/fixtures/spawn-worker";
import { resolveDbConfig } from "@/lib/db/config";
import { openDatabase } from "@/lib/db/open-database";
import { startReceiver, type Answer } from "@/lib/outbox/fixtures/loopback-receiver";
import { uid } from "@/prisma/seed/test-db";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { createChannel } from "@/lib/notifications/channel-store";
import { makeEvent, makeWorkspace } from "@/prisma/seed/factories";
import { listAlertDeliveries } from "./alert-queries";
import { createMonitor } from "./monitor-store";

/**
 * Exactly once across a crash, for an alert: a real worker process evaluates a monitor — the transition
 * and its webhook outbox row commit together — and is killed with SIGKILL before the delivery is
 * acknowledged; a second worker process delivers it. The receiver sees one webhook-id and acknowledges
 * it once. With DATABASE_URL both use that Postgres; without, a PGlite data directory opened by one
 * process at a time (as lib/outbox/outbox-crash.db.test.ts).
 */
const config = resolveDbConfig();
const root = fs.mkdtempSync(path.join(os.tmpdir(), "us-alerts-crash-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const CHILD = path.resolve(import.meta.dirname, "fixtures/alerts-worker-process.ts");
// A bound for a stuck run, not a speed claim: a fresh PGlite directory takes ~25 s to create and
// migrate on a loaded machine, and each scenario opens it four times.
const TIMEOUT_MS = 240_000;
const MIN = 60_000;

type Row = Record<string, unknown>;

const open = (dataDir: string) => openDatabase(config.kind === "postgres" ? config : { kind: "pglite", dataDir }, "alerts crash test");

/** The workspace the worker evaluates: a webhook channel, `error_rate > 0.05 over 5m by provider`, an openai error burst. */
async function setUp(dataDir: string, slug: string, receiverUrl: string, evalAt: Date) {
  const db = await open(dataDir);
  try {
    const ws = await makeWorkspace(db.prisma, { slug });
    const { channel } = await createChannel(db, ws.id, { name: "hook", type: "webhook", config: { url: receiverUrl } });
    await createMonitor(db, ws.id, {
      name: "errors by provider",
      measure: "error_rate",
      window: "5m",
      operator: "gt",
      alertThreshold: 0.05,
      groupBy: ["provider"],
      channelIds: [channel.id],
    });
    const ts = new Date(evalAt.getTime() - 3 * MIN).toISOString();
    await ingestEvents(db, ws.id, [
      ...Array.from({ length: 10 }, () => makeEvent({ provider: "openai", timestamp: ts })),
      ...Array.from({ length: 5 }, () => makeEvent({ provider: "openai", timestamp: ts, status: "error", httpStatus: 500 })),
      ...Array.from({ length: 20 }, () => makeEvent({ provider: "anthropic", timestamp: ts })),
    ]);
  } finally {
    await db.close();
  }
}

/** Reads what the database holds for the workspace (between the two processes on PGlite: one opener at a time). */
async function snapshot(dataDir: string, slug: string) {
  const db = await open(dataDir);
  try {
    const [ws] = await db.sql.query<{ id: number }>(`SELECT "id" FROM "workspaces" WHERE "slug" = $1`, [slug]);
    const alerts = await db.sql.query<Row>(`SELECT "id", "state", "open", "group" FROM "alerts" WHERE "workspace_id" = $1 ORDER BY "id"`, [
      ws?.id ?? 0,
    ]);
    const outbox = await db.sql.query<Row>(
      `SELECT "id", "kind", "idempotency_key" AS "key", "state", "attempts" FROM "outbox" WHERE "workspace_id" = $1 ORDER BY "id"`,
      [ws?.id ?? 0],
    );
    const deliveries = alerts[0] ? await listAlertDeliveries(db, ws!.id, Number(alerts[0].id)) : [];
    return { alerts, outbox, deliveries };
  } finally {
    await db.close();
  }
}

async function crashAndRecover(scenario: "evaluate-only" | "evaluate-then-work", answer: (id: string, n: number) => Answer) {
  const slug = uid("alert-crash");
  const dataDir = path.join(root, slug);
  const receiver = await startReceiver(answer);
  try {
    const evalAt = new Date(Math.floor(Date.now() / MIN) * MIN - 20 * MIN);
    await setUp(dataDir, slug, receiver.url, evalAt);
    const dbEnv: Record<string, string> =
      config.kind === "postgres" ? { DATABASE_URL: config.url } : { DATABASE_URL: "", UNITSCOPE_DATA_DIR: dataDir };
    const env = { ...dbEnv, WS_SLUG: slug, EVAL_AT: evalAt.toISOString() };
    const first = spawnWorker(CHILD, { ...env, MODE: scenario });
    if (scenario === "evaluate-only") await first.line("committed");
    // Delivery in flight: the outbox only delivers committed rows, so the transition is committed too.
    else await receiver.arrival(() => true);
    first.proc.kill("SIGKILL");
    await first.exited;
    const receivedBeforeRestart = receiver.received.map((r) => r.id);
    const afterCrash = await snapshot(dataDir, slug);

    const second = spawnWorker(CHILD, { ...env, MODE: "work" });
    expect(await second.exited, second.output.join("\n")).toBe(0);
    const afterRestart = await snapshot(dataDir, slug);
    return { receiver, receivedBeforeRestart, afterCrash, afterRestart };
  } finally {
    await receiver.close();
  }
}

describe(`alert notification exactly once across a worker crash (${config.kind})`, () => {
  it(
    "killed after the transition committed, before delivery: delivered once after restart",
    async () => {
      const r = await crashAndRecover("evaluate-only", () => ({ status: 200 }));
      expect(r.receivedBeforeRestart).toEqual([]);
      // What the dead worker committed: the firing alert for openai only, and its one webhook message.
      expect(r.afterCrash.alerts).toEqual([expect.objectContaining({ state: "firing", open: true, group: { provider: "openai" } })]);
      expect(r.afterCrash.outbox).toEqual([expect.objectContaining({ kind: "notifications.webhook", state: "pending", attempts: 0 })]);
      const key = String(r.afterCrash.outbox[0]!.key);
      expect(key).toMatch(new RegExp(`^alert:${String(r.afterCrash.alerts[0]!.id)}:\\d+:ch\\d+$`));

      expect(r.receiver.received.map((x) => x.id)).toEqual([key]);
      expect(r.receiver.acknowledged(key)).toBe(1);
      expect(JSON.parse(r.receiver.received[0]!.body)).toMatchObject({
        type: "alert.firing",
        data: { alert: { group: { provider: "openai" } } },
      });
      expect(r.afterRestart.outbox).toEqual([expect.objectContaining({ key, state: "delivered", attempts: 1 })]);
      expect(r.afterRestart.deliveries.map((d) => [d.attempt, d.outcome, d.statusCode, d.event])).toEqual([
        [1, "delivered", 200, "alert.firing"],
      ]);
    },
    TIMEOUT_MS,
  );

  it(
    "the worker evaluates and is killed mid-delivery (request unanswered): redelivered with the same webhook-id, acknowledged once",
    async () => {
      const r = await crashAndRecover("evaluate-then-work", (_id, n) => (n === 1 ? "hang" : { status: 200 }));
      expect(r.afterCrash.alerts).toEqual([expect.objectContaining({ state: "firing", open: true, group: { provider: "openai" } })]);
      expect(r.afterCrash.outbox).toEqual([expect.objectContaining({ kind: "notifications.webhook", state: "pending", attempts: 1 })]);
      const key = String(r.afterCrash.outbox[0]!.key);
      expect(r.receivedBeforeRestart).toEqual([key]);

      // Two requests reached the receiver, both with the same webhook-id; only the second was acknowledged.
      expect(r.receiver.received.map((x) => [x.id, x.answered])).toEqual([
        [key, "hang"],
        [key, 200],
      ]);
      expect(r.receiver.acknowledged(key)).toBe(1);
      expect(r.receiver.received[0]!.body).toBe(r.receiver.received[1]!.body);
      expect(r.afterRestart.alerts).toEqual(r.afterCrash.alerts); // the restart evaluated nothing twice
      expect(r.afterRestart.outbox).toEqual([expect.objectContaining({ key, state: "delivered", attempts: 2 })]);
      // The cut-short attempt stays visible in the alert's delivery log, unfinished.
      expect(r.afterRestart.deliveries.map((d) => [d.attempt, d.outcome, d.statusCode, d.finishedAt === null])).toEqual([
        [1, "started", null, true],
        [2, "delivered", 200, false],
      ]);
    },
    TIMEOUT_MS,
  );
});
