import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createFreshDatabase } from "@/prisma/seed/fresh-database";
import { migrate, MigrationError, readMigrations, MIGRATIONS_DIR } from "./migrate";
import { openDatabase, type Database } from "./open-database";

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function fresh(): Promise<Database> {
  const f = await createFreshDatabase();
  const db = await openDatabase(f.config, "migration test");
  cleanups.push(f.drop, () => db.close());
  return db;
}

describe("migration runner", () => {
  it("applies every migration to a fresh database and records it in Prisma's format", async () => {
    const db = await fresh();
    const files = readMigrations();
    expect(db.migrations.applied).toEqual(files.map((m) => m.name));
    const rows = await db.sql.query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished_at: Date | null;
      id: string;
    }>(`SELECT id, migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
    for (const r of rows) {
      const bytes = fs.readFileSync(path.join(MIGRATIONS_DIR, r.migration_name, "migration.sql"));
      expect(r.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.applied_steps_count).toBe(1);
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("changes nothing on a second run", async () => {
    const db = await fresh();
    const before = await db.sql.query(`SELECT id, finished_at FROM "_prisma_migrations" ORDER BY id`);
    const again = await migrate(db.sql);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(before.length);
    expect(await db.sql.query(`SELECT id, finished_at FROM "_prisma_migrations" ORDER BY id`)).toEqual(before);
  });

  it("refuses a migration edited after it was applied", async () => {
    const db = await fresh();
    const files = readMigrations();
    const edited = files.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(db.sql, edited)).rejects.toThrow(/modified after it was applied/);
  });

  it("rolls a failing migration back whole, records it as rolled back, and retries it next time", async () => {
    const db = await fresh();
    const bad = { name: "29990101000000_bad", sql: `CREATE TABLE half_done (x int); SELECT no_such_function();`, checksum: "a".repeat(64) };
    await expect(migrate(db.sql, [...readMigrations(), bad])).rejects.toBeInstanceOf(MigrationError);
    expect(await db.sql.query(`SELECT to_regclass('half_done') AS t`)).toEqual([{ t: null }]);
    const [row] = await db.sql.query<{ finished_at: Date | null; rolled_back_at: Date | null; logs: string }>(
      `SELECT finished_at, rolled_back_at, logs FROM "_prisma_migrations" WHERE migration_name = $1`,
      [bad.name],
    );
    expect(row?.finished_at).toBeNull();
    expect(row?.rolled_back_at).toBeInstanceOf(Date);
    expect(row?.logs).toMatch(/no_such_function/);
    const fixed = { ...bad, sql: `CREATE TABLE half_done (x int);` };
    expect((await migrate(db.sql, [...readMigrations(), fixed])).applied).toEqual([bad.name]);
  });

  it("partitions usage_events by month with a default partition", async () => {
    const db = await fresh();
    const parts = await db.sql.query<{ name: string; bound: string }>(
      `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'usage_events'::regclass ORDER BY c.relname`,
    );
    expect(parts.find((p) => p.name === "usage_events_default")?.bound).toBe("DEFAULT");
    const now = new Date();
    const month = `usage_events_p${now.getUTCFullYear()}_${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
    expect(parts.map((p) => p.name)).toContain(month);
    expect(parts.length).toBe(1 + 13 + 1 + 3); // default + 13 months back + this month + 3 ahead
  });

  it("moves rows out of the default partition when their month's partition is created", async () => {
    const db = await fresh();
    const ws = await db.prisma.workspace.create({ data: { slug: "p-move", name: "p" } });
    const insert = `INSERT INTO usage_events (workspace_id, ts, event_id, provider, model, task_id, status, input_tokens, output_tokens, latency_ms)
                    VALUES ($1, $2, $3, 'openai', 'gpt-4o', $3, 'ok', 10, 5, 100)`;
    await db.sql.query(insert, [ws.id, "2031-05-10T00:00:00Z", "far-future"]);
    expect(await db.sql.query(`SELECT count(*)::int AS n FROM usage_events_default`)).toEqual([{ n: 1 }]);
    expect(await db.sql.query(`SELECT unitscope_ensure_usage_partition('2031-05-01') AS created`)).toEqual([{ created: true }]);
    expect(await db.sql.query(`SELECT count(*)::int AS n FROM usage_events_default`)).toEqual([{ n: 0 }]);
    expect(await db.sql.query(`SELECT count(*)::int AS n FROM usage_events_p2031_05`)).toEqual([{ n: 1 }]);
  });

  it("rejects a duplicate (workspace, id, timestamp) in the database itself", async () => {
    const db = await fresh();
    const ws = await db.prisma.workspace.create({ data: { slug: "dup", name: "d" } });
    const insert = `INSERT INTO usage_events (workspace_id, ts, event_id, provider, model, task_id, status, input_tokens, output_tokens, latency_ms)
                    VALUES ($1, $2, 'e1', 'openai', 'gpt-4o', 'e1', 'ok', 10, 5, 100)`;
    const ts = new Date().toISOString();
    await db.sql.query(insert, [ws.id, ts]);
    await expect(db.sql.query(insert, [ws.id, ts])).rejects.toThrow(
      /duplicate key value violates unique constraint "usage_events_p\d{4}_\d{2}_pkey"|usage_events/,
    );
    // Same id at another timestamp is a different event; another workspace may reuse the id.
    await db.sql.query(insert, [ws.id, new Date(Date.parse(ts) - 1000).toISOString()]);
    const other = await db.prisma.workspace.create({ data: { slug: "dup-2", name: "d" } });
    await db.sql.query(insert, [other.id, ts]);
  });

  it("enforces the event contract's invariants as CHECK constraints", async () => {
    const db = await fresh();
    const ws = await db.prisma.workspace.create({ data: { slug: "chk", name: "c" } });
    const insert = (status: string, input: number, cacheRead: number) =>
      db.sql.query(
        `INSERT INTO usage_events (workspace_id, ts, event_id, provider, model, task_id, status, input_tokens, output_tokens, cache_read_tokens, latency_ms)
         VALUES ($1, now(), gen_random_uuid()::text, 'openai', 'gpt-4o', 't', $2, $3, 5, $4, 100)`,
        [ws.id, status, input, cacheRead],
      );
    await expect(insert("weird", 10, 0)).rejects.toThrow(/usage_events_status_valid/);
    await expect(insert("ok", 10, -1)).rejects.toThrow(/usage_events_tokens_nonnegative/);
    await expect(insert("ok", 10, 11)).rejects.toThrow(/usage_events_cache_within_input/);
    await insert("ok", 10, 10);
  });
});
