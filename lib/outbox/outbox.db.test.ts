import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { createJobRegistry } from "@/lib/jobs/job-registry";
import { startWorker } from "@/lib/jobs/start-worker";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { addToOutbox } from "./add-to-outbox";
import { dispatchOutbox } from "./dispatch-outbox";
import { startReceiver } from "./fixtures/loopback-receiver";
import { TEST_WEBHOOK_SECRET, testWebhookDeliverer } from "./fixtures/test-webhook";
import { outboxJobs } from "./outbox-jobs";
import { verifyWebhook } from "./standard-webhooks";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

type Delivery = { attempt: number; outcome: string; statusCode: number | null; error: string | null; retryInSeconds: number | null };

async function deliveries(key: string): Promise<Delivery[]> {
  return db.sql.query<Delivery>(
    `SELECT d."attempt", d."outcome", d."status_code" AS "statusCode", d."error", d."retry_in_seconds" AS "retryInSeconds"
       FROM "outbox_deliveries" d JOIN "outbox" o ON o."id" = d."outbox_id"
      WHERE o."idempotency_key" = $1 ORDER BY d."attempt"`,
    [key],
  );
}

async function message(key: string) {
  const [row] = await db.sql.query<{ state: string; attempts: number; lastError: string | null }>(
    `SELECT "state", "attempts", "last_error" AS "lastError" FROM "outbox" WHERE "idempotency_key" = $1`,
    [key],
  );
  return row;
}

describe("adding to the outbox", () => {
  it("commits with the cause (Prisma + raw SQL in one transaction), once per key, and not at all on rollback", async () => {
    const key = uid("msg");
    const slug = uid("ws");
    const payload = { url: "http://127.0.0.1:9/hook", event: { n: 1 } };
    const first = await withTransaction(db, async (tx) => {
      const ws = await tx.prisma.workspace.create({ data: { slug, name: "cause" } });
      return addToOutbox(tx.sql, testWebhookDeliverer, { key, workspaceId: ws.id, payload });
    });
    const again = await db.sql.transaction((tx) => addToOutbox(tx, testWebhookDeliverer, { key, payload }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const rows = await db.sql.query(`SELECT "id" FROM "outbox" WHERE "idempotency_key" = $1`, [key]);
    expect(rows).toHaveLength(1);
    // A dispatch job was enqueued with the message (same transaction).
    const [job] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "jobs" WHERE "queue" = 'outbox.dispatch' AND "state" = 'queued'`,
    );
    expect(job!.n).toBeGreaterThanOrEqual(1);

    const lost = uid("msg");
    await expect(
      withTransaction(db, async (tx) => {
        await tx.prisma.workspace.create({ data: { slug: uid("ws"), name: "rolled back" } });
        await addToOutbox(tx.sql, testWebhookDeliverer, { key: lost, payload });
        throw new Error("the state change failed");
      }),
    ).rejects.toThrow(/state change failed/);
    expect(await message(lost)).toBeUndefined();
  });

  it("refuses a payload its deliverer cannot take, failing the cause's transaction", async () => {
    await expect(
      db.sql.transaction((tx) => addToOutbox(tx, testWebhookDeliverer, { key: uid("msg"), payload: { url: "not a url", event: {} } })),
    ).rejects.toThrow(/url/i);
  });
});

describe("delivery", () => {
  it("retries a 503 with exponential backoff, then honours Retry-After: three attempts, one success, all logged", async () => {
    const key = uid("msg");
    const receiver = await startReceiver((_id, n) =>
      n === 1 ? { status: 503 } : n === 2 ? { status: 503, headers: { "retry-after": "3" } } : { status: 200 },
    );
    const worker = await startWorker(db, createJobRegistry(outboxJobs([testWebhookDeliverer])), { pollMs: 50, onError: () => undefined });
    try {
      await db.sql.transaction((tx) =>
        addToOutbox(tx, testWebhookDeliverer, { key, payload: { url: receiver.url, event: { kind: "retry" } } }),
      );
      await expect.poll(async () => (await message(key))?.state, { timeout: 20_000, interval: 100 }).toBe("delivered");
      expect(await deliveries(key)).toEqual([
        { attempt: 1, outcome: "retry", statusCode: 503, error: "HTTP 503: try later", retryInSeconds: 1 }, // backoff 1 s · 2^0
        { attempt: 2, outcome: "retry", statusCode: 503, error: "HTTP 503: try later", retryInSeconds: 3 }, // Retry-After: 3 (backoff would be 2)
        { attempt: 3, outcome: "delivered", statusCode: 200, error: null, retryInSeconds: null },
      ]);
      expect(await message(key)).toMatchObject({ attempts: 3 });
      expect(receiver.received.map((r) => r.n)).toEqual([1, 2, 3]);
      expect(receiver.acknowledged(key)).toBe(1);
      // Every attempt was a signed Standard Webhook with the idempotency key as webhook-id.
      expect(receiver.received.every((r) => r.id === key)).toBe(true);
    } finally {
      await worker.stop();
      await receiver.close();
    }
  });

  it("fails at once on a permanent status, and after max attempts otherwise; other kinds stay pending", async () => {
    const gone = uid("msg");
    const down = uid("msg");
    const other = uid("msg");
    const receiver = await startReceiver((id) => ({ status: id === gone ? 410 : 500 }));
    await db.sql.transaction(async (tx) => {
      await addToOutbox(tx, testWebhookDeliverer, { key: gone, payload: { url: receiver.url, event: {} } });
      await addToOutbox(tx, testWebhookDeliverer, { key: down, payload: { url: receiver.url, event: {} } });
      await addToOutbox(
        tx,
        { ...testWebhookDeliverer, kind: "test.unregistered" },
        { key: other, payload: { url: receiver.url, event: {} } },
      );
    });
    try {
      // Direct dispatch rounds; the retry waits are made due by hand instead of waited for.
      for (let round = 0; round < 6; round++) {
        await dispatchOutbox(db, [testWebhookDeliverer]);
        await db.sql.query(
          `UPDATE "outbox" SET "next_attempt_at" = now() WHERE "idempotency_key" = ANY($1::text[]) AND "state" = 'pending'`,
          [[gone, down]],
        );
      }
      expect(await message(gone)).toMatchObject({ state: "failed", attempts: 1, lastError: "HTTP 410: try later" });
      expect((await deliveries(gone)).map((d) => d.outcome)).toEqual(["failed"]);
      expect(await message(down)).toMatchObject({ state: "failed", attempts: testWebhookDeliverer.maxAttempts });
      expect((await deliveries(down)).map((d) => d.outcome)).toEqual(["retry", "retry", "retry", "failed"]);
      expect(await message(other)).toMatchObject({ state: "pending", attempts: 0 });
    } finally {
      await receiver.close();
      await db.sql.query(`DELETE FROM "outbox" WHERE "idempotency_key" = $1`, [other]);
    }
  });

  it("signs each request (Standard Webhooks) so the receiver can verify it", async () => {
    const key = uid("msg");
    const receiver = await startReceiver(() => ({ status: 204 }));
    try {
      await db.sql.transaction((tx) =>
        addToOutbox(tx, testWebhookDeliverer, { key, payload: { url: receiver.url, event: { hello: "world" } } }),
      );
      expect(await dispatchOutbox(db, [testWebhookDeliverer])).toMatchObject({ delivered: 1 });
      const [r] = receiver.received.filter((x) => x.id === key);
      expect(r!.body).toBe(`{"hello":"world"}`);
      const timestamp = Number(r!.headers["webhook-timestamp"]);
      const signature = String(r!.headers["webhook-signature"]);
      expect(verifyWebhook(TEST_WEBHOOK_SECRET, key, timestamp, r!.body, signature)).toBe(true);
      expect(verifyWebhook(TEST_WEBHOOK_SECRET, key, timestamp, `{"hello":"there"}`, signature)).toBe(false);
    } finally {
      await receiver.close();
    }
  });
});
