import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnWorker, type Child } from "./fixtures/spawn-worker";
import { resolveDbConfig } from "@/lib/db/config";
import { openDatabase } from "@/lib/db/open-database";
import { uid } from "@/prisma/seed/test-db";
import { startReceiver, type Answer } from "./fixtures/loopback-receiver";

/**
 * Exactly once across a crash, with real processes: a worker process commits a cause and its outbox
 * message and is killed with SIGKILL before the delivery is acknowledged; a second process delivers it.
 * With DATABASE_URL both use that Postgres; without, a PGlite data directory opened by one process at
 * a time (the killed one leaves its lock behind, which the next takes over).
 */
const config = resolveDbConfig();
const root = fs.mkdtempSync(path.join(os.tmpdir(), "us-outbox-crash-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const CHILD = path.resolve(import.meta.dirname, "fixtures/outbox-worker-process.ts");
// A bound for a stuck run, not a speed claim: on a loaded machine a fresh PGlite directory alone takes
// ~25 s to create and migrate, and each scenario opens it three times.
const TIMEOUT_MS = 240_000;

function dbEnv(dataDir: string): Record<string, string> {
  return config.kind === "postgres" ? { DATABASE_URL: config.url } : { DATABASE_URL: "", UNITSCOPE_DATA_DIR: dataDir };
}

async function killHard(child: Child): Promise<void> {
  child.proc.kill("SIGKILL");
  await child.exited;
}

async function crashAndRecover(scenario: "commit-only" | "commit-then-work", answer: (id: string, n: number) => Answer) {
  const key = uid("crash");
  const slug = uid("crash-ws");
  const kind = `test.crash-${uid()}`;
  const dataDir = path.join(root, key);
  const receiver = await startReceiver(answer);
  try {
    const env = { ...dbEnv(dataDir), MSG_KEY: key, MSG_KIND: kind, RECEIVER_URL: receiver.url, CAUSE_SLUG: slug };
    const first = spawnWorker(CHILD, { ...env, MODE: scenario });
    await first.line("committed");
    // commit-only: killed after the commit, before any delivery; commit-then-work: killed while the
    // receiver holds the first request unanswered (delivery in flight, never acknowledged).
    if (scenario === "commit-then-work") await receiver.arrival((r) => r.id === key);
    await killHard(first);
    const receivedBeforeRestart = receiver.received.length;

    const second = spawnWorker(CHILD, { ...env, MODE: "work" });
    expect(await second.exited).toBe(0);
    const result = second.output.find((l) => l.startsWith("result "));
    expect(result, second.output.join("\n")).toBeDefined();

    const db = await openDatabase(config.kind === "postgres" ? config : { kind: "pglite", dataDir }, "outbox crash test");
    try {
      const [cause] = await db.sql.query<{ id: number }>(`SELECT "id" FROM "workspaces" WHERE "slug" = $1`, [slug]);
      const rows = await db.sql.query<{ id: number; state: string; attempts: number; workspaceId: number }>(
        `SELECT "id", "state", "attempts", "workspace_id" AS "workspaceId" FROM "outbox" WHERE "kind" = $1 AND "idempotency_key" = $2`,
        [kind, key],
      );
      const log = await db.sql.query<{ attempt: number; outcome: string; statusCode: number | null; finished: boolean }>(
        `SELECT "attempt", "outcome", "status_code" AS "statusCode", "finished_at" IS NOT NULL AS "finished"
           FROM "outbox_deliveries" WHERE "outbox_id" = $1 ORDER BY "attempt"`,
        [rows[0]?.id ?? 0],
      );
      return { receiver, receivedBeforeRestart, cause, rows, log, key };
    } finally {
      await db.close();
    }
  } finally {
    await receiver.close();
  }
}

describe(`outbox exactly once across a worker crash (${config.kind})`, () => {
  it(
    "a message committed with its cause, the worker killed before delivering: delivered once after restart",
    async () => {
      const r = await crashAndRecover("commit-only", () => ({ status: 200 }));
      expect(r.receivedBeforeRestart).toBe(0);
      expect(r.cause).toBeDefined();
      expect(r.rows).toEqual([expect.objectContaining({ state: "delivered", attempts: 1, workspaceId: r.cause!.id })]);
      expect(r.receiver.received.map((x) => x.id)).toEqual([r.key]);
      expect(r.receiver.acknowledged(r.key)).toBe(1);
      expect(r.log).toEqual([{ attempt: 1, outcome: "delivered", statusCode: 200, finished: true }]);
    },
    TIMEOUT_MS,
  );

  it(
    "the worker killed mid-delivery (request unanswered): redelivered with the same id, acknowledged once",
    async () => {
      const r = await crashAndRecover("commit-then-work", (_id, n) => (n === 1 ? "hang" : { status: 200 }));
      expect(r.receivedBeforeRestart).toBe(1);
      expect(r.rows).toEqual([expect.objectContaining({ state: "delivered", attempts: 2 })]);
      // Two requests reached the receiver, both carrying the same webhook-id; only one was acknowledged.
      expect(r.receiver.received.map((x) => [x.id, x.answered])).toEqual([
        [r.key, "hang"],
        [r.key, 200],
      ]);
      expect(r.receiver.acknowledged(r.key)).toBe(1);
      // The cut-short attempt stays visible in the log, unfinished.
      expect(r.log).toEqual([
        { attempt: 1, outcome: "started", statusCode: null, finished: false },
        { attempt: 2, outcome: "delivered", statusCode: 200, finished: true },
      ]);
    },
    TIMEOUT_MS,
  );
});
