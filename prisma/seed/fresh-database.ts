import { randomBytes } from "node:crypto";
import pg from "pg";
import { resolveDbConfig, type DbConfig } from "@/lib/db/config";

/**
 * A brand-new empty database for tests that must see a database from nothing (the migration runner):
 * a new database on the DATABASE_URL server, dropped by `drop()`, or an in-memory PGlite.
 */
export async function createFreshDatabase(): Promise<{ config: DbConfig; drop(): Promise<void> }> {
  const base = resolveDbConfig();
  if (base.kind !== "postgres") return { config: { kind: "pglite", dataDir: null }, drop: async () => {} };
  const name = `us_fresh_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`); // name is generated above, never input
  await admin.end();
  const url = new URL(base.url);
  url.pathname = `/${name}`;
  return {
    config: { kind: "postgres", url: url.toString() },
    async drop() {
      const c = new pg.Client({ connectionString: base.url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
