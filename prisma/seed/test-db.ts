import { randomBytes } from "node:crypto";
import { resolveDbConfig } from "@/lib/db/config";
import { openDatabase, type Database } from "@/lib/db/open-database";

/**
 * The database a db test talks to: the real PostgreSQL named by DATABASE_URL when set (migrated once,
 * shared by files, so tests use unique ids), otherwise a fresh in-memory PGlite for this file.
 */
export async function openTestDatabase(): Promise<Database> {
  const config = resolveDbConfig();
  return openDatabase(config.kind === "postgres" ? config : { kind: "pglite", dataDir: null }, "db tests");
}

/** A short unique suffix for slugs, emails and ids within one test. */
export function uid(prefix = "t"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}
