import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "@/lib/db/migrate";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { createFreshDatabase } from "@/prisma/seed/fresh-database";
import { uid } from "@/prisma/seed/test-db";

// The migration re-normalises rows stored before canonical names existed. A fresh database (migrated
// whole), rows written with the raw names older builds stored, then the migration's SQL run again.
const MIGRATION = readMigrations().find((m) => m.name === "20261124010000_canonical_providers")!;

let db: Database;
let drop: () => Promise<void>;
let ws: number;

beforeAll(async () => {
  const fresh = await createFreshDatabase();
  drop = fresh.drop;
  db = await openDatabase(fresh.config, "canonical providers migration test");
  ws = (await db.prisma.workspace.create({ data: { slug: uid("mig"), name: "migration" } })).id;
});
afterAll(async () => {
  await db?.close();
  await drop?.();
});

const TS = "2026-11-20T10:17:00Z";

async function insert(id: string, provider: string, metadata: object | null) {
  await db.sql.query(
    `INSERT INTO usage_events (workspace_id, ts, event_id, provider, model, task_id, attempt, status, input_tokens, output_tokens,
       cache_read_tokens, cache_write_tokens, cache_write_1h_tokens, reasoning_tokens, latency_ms, list_cost_usd, effective_cost_usd, priced, metadata)
     VALUES ($1, $2, $3, $4, 'gemini-2.0-flash', $3, 1, 'ok', 100, 10, 0, 0, 0, 0, 500, 0.25, 0.25, true, $5::jsonb)`,
    [ws, TS, id, provider, metadata === null ? null : JSON.stringify(metadata)],
  );
}

describe("migration 20261124010000_canonical_providers", () => {
  it("renames stored providers to canonical vendors, keeps the stored name, leaves costs alone and marks the hours dirty", async () => {
    await insert("a", "vertex_ai", { team: "x" });
    await insert("b", "gcp.vertex_ai", null);
    await insert("c", "google", null);
    await insert("d", "Bedrock", null);
    await insert("e", "MyGateway", null);
    await insert("f", "az.ai.openai", null); // OTLP-only alias: REST rows keep it (their price list differs)
    await db.sql.query(`DELETE FROM rollup_dirty`);

    await db.sql.transaction((tx) => tx.exec(MIGRATION.sql));

    const rows = await db.sql.query<{ event_id: string; provider: string; metadata: unknown; list_cost_usd: string }>(
      `SELECT event_id, provider, metadata, list_cost_usd::text AS list_cost_usd FROM usage_events WHERE workspace_id = $1 ORDER BY event_id`,
      [ws],
    );
    expect(rows.map((r) => [r.event_id, r.provider, r.metadata])).toEqual([
      ["a", "google", { team: "x", provider_raw: "vertex_ai" }],
      ["b", "google", { provider_raw: "gcp.vertex_ai" }],
      ["c", "google", null],
      ["d", "aws", { provider_raw: "Bedrock" }],
      ["e", "mygateway", { provider_raw: "MyGateway" }],
      ["f", "az.ai.openai", null],
    ]);
    expect(new Set(rows.map((r) => Number(r.list_cost_usd)))).toEqual(new Set([0.25]));
    const dirty = await db.sql.query<{ workspace_id: number; grain: string; bucket: Date }>(
      `SELECT workspace_id, grain, bucket FROM rollup_dirty`,
    );
    expect(dirty.map((d) => [d.workspace_id, d.grain, d.bucket.toISOString()])).toEqual([[ws, "hour", "2026-11-20T10:00:00.000Z"]]);

    // Run again: nothing left to rename, nothing marked.
    await db.sql.query(`DELETE FROM rollup_dirty`);
    await db.sql.transaction((tx) => tx.exec(MIGRATION.sql));
    expect(await db.sql.query(`SELECT 1 FROM rollup_dirty`)).toEqual([]);
  });
});
