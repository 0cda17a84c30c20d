import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Sql } from "./sql";

/**
 * Applies prisma/migrations/<name>/migration.sql in order and records them in _prisma_migrations exactly
 * as Prisma's schema engine does (checksum = sha256 hex of the file bytes, applied_steps_count = 1,
 * failures kept in `logs` with finished_at NULL, advisory lock 72707369), so `prisma migrate deploy`
 * accepts the same history wherever its native engine can run. Needed because that engine cannot be
 * downloaded here. Each migration runs in its own transaction: a failure leaves nothing half-applied.
 */
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
const PRISMA_ADVISORY_LOCK = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationFile = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; alreadyApplied: number };

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export async function migrate(sql: Sql, migrations = readMigrations()): Promise<MigrateResult> {
  try {
    return await applyPending(sql, migrations);
  } catch (err) {
    // The transaction rolled the failed migration back whole. Record the attempt as Prisma records a
    // rolled-back migration (logs kept, rolled_back_at set) so it is visible and retried on the next run.
    const failed = err instanceof MigrationError ? (err.cause as { migration?: MigrationFile } | undefined)?.migration : undefined;
    if (failed) {
      await sql
        .query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at, applied_steps_count)
           VALUES ($1, $2, $3, $4, now(), now(), 0)`,
          [randomUUID(), failed.checksum, failed.name, err instanceof Error ? err.message : String(err)],
        )
        .catch(() => undefined);
    }
    throw err;
  }
}

async function applyPending(sql: Sql, migrations: MigrationFile[]): Promise<MigrateResult> {
  // A transaction-scoped advisory lock on Prisma's key: two starting processes (or this and
  // `prisma migrate deploy`) never migrate at once, and the lock cannot leak on a pooled connection.
  return sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await tx.exec(CREATE_TABLE);
    const rows = await tx.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `migration ${failed.migration_name} failed earlier and was not rolled back; fix the database, then mark it ` +
          `rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}')`,
      );
    }
    const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const m of migrations) {
      const known = done.get(m.name);
      if (known !== undefined) {
        if (known !== m.checksum) {
          throw new MigrationError(`migration ${m.name} was modified after it was applied (checksum differs)`);
        }
        continue;
      }
      const id = randomUUID();
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, m.checksum, m.name],
      );
      try {
        await tx.exec(m.sql);
      } catch (err) {
        throw new MigrationError(`migration ${m.name} failed: ${err instanceof Error ? err.message : String(err)}`, {
          cause: { migration: m },
        });
      }
      await tx.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
      applied.push(m.name);
    }
    return { applied, alreadyApplied: done.size };
  });
}
