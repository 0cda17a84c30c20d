import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { ingestEvents } from "./ingest-events";
import { sampleEvents } from "./sample-events";
import { UnparseableItem } from "./unparseable-item";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function workspace() {
  return db.prisma.workspace.create({ data: { slug: uid("ing"), name: "ingest test" } });
}

type Totals = { events: number; input: number; output: number; effective: string; list: string };
async function totals(workspaceId: number): Promise<Totals> {
  const [r] = await db.sql.query<Totals>(
    `SELECT count(*)::int AS events, coalesce(sum(input_tokens), 0)::int8 AS input, coalesce(sum(output_tokens), 0)::int8 AS output,
            coalesce(sum(effective_cost_usd), 0)::text AS effective, coalesce(sum(list_cost_usd), 0)::text AS list
       FROM usage_events WHERE workspace_id = $1`,
    [workspaceId],
  );
  return r!;
}

describe("ingestEvents", () => {
  it("stores a 10,000-event batch once: three replays leave exactly 10,000 rows and the same totals", async () => {
    const ws = await workspace();
    const batch = sampleEvents(10_000, { seed: 7 });
    const first = await ingestEvents(db, ws.id, batch);
    expect(first).toEqual({ accepted: 10_000, duplicates: 0, rejected: [] });
    const after1 = await totals(ws.id);
    expect(after1.events).toBe(10_000);
    expect(after1.input).toBe(batch.reduce((s, e) => s + e.usage.inputTokens, 0));
    expect(Number(after1.effective)).toBeGreaterThan(0); // priced from the catalog
    for (let replay = 0; replay < 2; replay++) {
      const r = await ingestEvents(db, ws.id, batch);
      expect(r).toEqual({ accepted: 0, duplicates: 10_000, rejected: [] });
      expect(await totals(ws.id)).toEqual(after1);
    }
  });

  it("stores exactly the valid items of a mixed batch and names every invalid index", async () => {
    const ws = await workspace();
    const good = sampleEvents(6, { seed: 3 });
    const items: unknown[] = [
      good[0],
      { ...good[1], usage: { inputTokens: -1, outputTokens: 3 } }, // 1
      good[2],
      "not an object", // 3
      { ...good[3], timestamp: new Date(Date.now() + 86_400_000).toISOString() }, // 4
      { ...good[4], latencyMs: 1e12 }, // 5
      new UnparseableItem("line 7 is not valid JSON"), // 6
      { ...good[5], status: "success" }, // 7
      good[5],
    ];
    const r = await ingestEvents(db, ws.id, items);
    expect(r.accepted).toBe(3);
    expect(r.duplicates).toBe(0);
    expect(r.rejected.map((x) => [x.index, x.code])).toEqual([
      [1, "negative_tokens"],
      [3, "invalid_event"],
      [4, "timestamp_in_future"],
      [5, "absurd_latency"],
      [6, "invalid_json"],
      [7, "invalid_event"],
    ]);
    const stored = await db.sql.query<{ event_id: string }>(`SELECT event_id FROM usage_events WHERE workspace_id = $1 ORDER BY event_id`, [
      ws.id,
    ]);
    expect(stored.map((s) => s.event_id)).toEqual([good[0]!.id, good[2]!.id, good[5]!.id].sort());
  });

  it("stores only the new events of a batch that partly replays stored ones, costed as the COPY path costs them", async () => {
    const ws = await workspace();
    const first = sampleEvents(300, { seed: 31 });
    expect(await ingestEvents(db, ws.id, first)).toEqual({ accepted: 300, duplicates: 0, rejected: [] });
    const fresh = sampleEvents(200, { seed: 32 });
    const mixed = [...first.slice(100), ...fresh, fresh[0]!]; // 200 stored, 200 new, 1 repeat within the batch
    expect(await ingestEvents(db, ws.id, mixed)).toEqual({ accepted: 200, duplicates: 201, rejected: [] });
    const t = await totals(ws.id);
    expect(t.events).toBe(500);
    expect(t.input).toBe([...first, ...fresh].reduce((s, e) => s + e.usage.inputTokens, 0));
    // The replay path stores the same costs the COPY path does: each event priced once, whichever path stored it.
    const alone = await workspace();
    await ingestEvents(db, alone.id, [...first, ...fresh]);
    expect(await totals(alone.id)).toEqual(t);
    // And again on the same connection pool: the staging table of the replay path does not outlive its transaction.
    expect(await ingestEvents(db, ws.id, mixed)).toEqual({ accepted: 0, duplicates: 401, rejected: [] });
  });

  it("counts repeats inside one batch as duplicates; the same id at another time is another event", async () => {
    const ws = await workspace();
    const [e] = sampleEvents(1, { seed: 11 });
    const later = { ...e!, timestamp: new Date(Date.parse(e!.timestamp) + 1000).toISOString() };
    const r = await ingestEvents(db, ws.id, [e, e, { ...e }, later]);
    expect(r).toEqual({ accepted: 2, duplicates: 2, rejected: [] });
    expect((await totals(ws.id)).events).toBe(2);
  });

  it("keeps workspaces apart: the same event id in two workspaces is stored in each", async () => {
    const [a, b] = [await workspace(), await workspace()];
    const batch = sampleEvents(3, { seed: 5, idPrefix: uid("shared") });
    expect((await ingestEvents(db, a.id, batch)).accepted).toBe(3);
    expect((await ingestEvents(db, b.id, batch)).accepted).toBe(3);
  });

  it("stores provider usage shapes normalised, every optional field, and the reported cost", async () => {
    const ws = await workspace();
    const id = uid("anth");
    const ts = new Date(Date.now() - 3600_000).toISOString();
    const r = await ingestEvents(db, ws.id, [
      {
        id,
        timestamp: ts,
        provider: "anthropic",
        model: "claude-sonnet-4-5",
        region: "us-east-1",
        tenant: "acme",
        feature: "summaries",
        route: "/api/sum",
        workloadClass: "batch",
        taskId: "task-42",
        attempt: 2,
        fallbackFrom: "openai/gpt-4o",
        status: "ok",
        httpStatus: 200,
        usageFormat: "anthropic",
        usage: {
          input_tokens: 100,
          cache_read_input_tokens: 2000,
          cache_creation_input_tokens: 500,
          cache_creation: { ephemeral_5m_input_tokens: 200, ephemeral_1h_input_tokens: 300 },
          output_tokens: 250,
        },
        latencyMs: 2300.4,
        ttftMs: 410,
        queueMs: 12,
        costUsd: "0.0123456789",
        metadata: { experiment: "cache-v2" },
      },
    ]);
    expect(r).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const row = await db.prisma.usageEvent.findFirstOrThrow({ where: { workspaceId: ws.id, eventId: id } });
    expect(row).toMatchObject({
      inputTokens: 2600,
      cacheReadTokens: 2000,
      cacheWriteTokens: 500,
      cacheWrite1hTokens: 300,
      outputTokens: 250,
      reasoningTokens: 0,
      latencyMs: 2300,
      ttftMs: 410,
      queueMs: 12,
      taskId: "task-42",
      attempt: 2,
      fallbackFrom: "openai/gpt-4o",
      workloadClass: "batch",
      httpStatus: 200,
      metadata: { experiment: "cache-v2" },
      priced: true,
    });
    expect(row.ts.toISOString()).toBe(ts);
    expect(row.reportedCostUsd?.toString()).toBe("0.0123456789");
    expect(Number(row.listCostUsd)).toBeGreaterThan(0);
  });

  it("stores text exactly, whatever characters it holds", async () => {
    const ws = await workspace();
    const tricky = ['a"b\\c,{}', "NULL", "  spaced  inside  ", "é ✓ 🚀", "back\\slash\\", '{"json":"like"}', "x".repeat(256)];
    const [base] = sampleEvents(1, { seed: 4 });
    const items = tricky.map((t, i) => ({
      ...base!,
      id: `${t.slice(0, 200)}#${i}`,
      tenant: t,
      errorType: t,
      metadata: { note: t, nested: { quote: '"', backslash: "\\", nullWord: null } },
    }));
    expect((await ingestEvents(db, ws.id, items)).accepted).toBe(tricky.length);
    const rows = await db.sql.query<{ event_id: string; tenant: string; error_type: string; metadata: { note: string; nested: unknown } }>(
      `SELECT event_id, tenant, error_type, metadata FROM usage_events WHERE workspace_id = $1`,
      [ws.id],
    );
    const byId = new Map(rows.map((r) => [r.event_id, r]));
    tricky.forEach((t, i) => {
      const r = byId.get(`${t.slice(0, 200)}#${i}`);
      expect(r, t).toBeDefined();
      expect(r!.error_type).toBe(t.trim());
      expect(r!.tenant).toBe(t.trim());
      expect(r!.metadata).toEqual({ note: t, nested: { quote: '"', backslash: "\\", nullWord: null } });
    });
  });

  it("marks the hours of stored events dirty for the rollups, in the same transaction", async () => {
    const ws = await workspace();
    const base = Date.parse("2026-11-20T10:15:00Z");
    const stamp = (ms: number) => new Date(Math.min(ms, Date.now() - 60_000)).toISOString();
    const events = sampleEvents(3, { seed: 21 }).map((e, i) => ({ ...e, timestamp: stamp(base + i * 3600_000) }));
    await ingestEvents(db, ws.id, events);
    const marks = await db.sql.query<{ bucket: Date }>(
      `SELECT DISTINCT bucket FROM rollup_dirty WHERE workspace_id = $1 AND grain = 'hour' ORDER BY bucket`,
      [ws.id],
    );
    expect(marks.map((m) => m.bucket.toISOString())).toEqual(
      [...new Set(events.map((e) => new Date(Math.floor(Date.parse(e.timestamp) / 3600_000) * 3600_000).toISOString()))].sort(),
    );
    const jobs = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE queue = 'rollups.refresh' AND singleton_key = $1`,
      [`rollups:${ws.id}`],
    );
    expect(jobs[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it("stores an unknown model unpriced rather than refusing it", async () => {
    const ws = await workspace();
    const [e] = sampleEvents(1, { seed: 2 });
    const r = await ingestEvents(db, ws.id, [{ ...e!, provider: "acme-llm", model: "house-model-7b" }]);
    expect(r.accepted).toBe(1);
    const [row] = await db.sql.query<{ priced: boolean; list_cost_usd: string }>(
      `SELECT priced, list_cost_usd FROM usage_events WHERE workspace_id = $1`,
      [ws.id],
    );
    expect(row).toEqual({ priced: false, list_cost_usd: "0.0000000000" });
  });

  it("returns every rejection and stores nothing when no item is valid", async () => {
    const ws = await workspace();
    const r = await ingestEvents(db, ws.id, [{ id: 1 }, null]);
    expect(r.accepted).toBe(0);
    expect(r.rejected.map((x) => x.index)).toEqual([0, 1]);
    expect((await totals(ws.id)).events).toBe(0);
  });
});
