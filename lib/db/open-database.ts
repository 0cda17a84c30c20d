import { describeDbConfig, type DbConfig } from "./config";
import { acquireDataDirLock } from "./data-dir-lock";
import { PrismaClient } from "./generated/client";
import { migrate, type MigrateResult } from "./migrate";
import type { Sql } from "./sql";

export type PrismaDb = InstanceType<typeof PrismaClient>;
export type Database = {
  prisma: PrismaDb;
  sql: Sql;
  config: DbConfig;
  migrations: MigrateResult;
  close(): Promise<void>;
};

/**
 * Opens the database named by config, applies pending migrations and makes sure the usage-event
 * partitions around today exist. `owner` names the process in the embedded database's lock file.
 */
export async function openDatabase(config: DbConfig, owner: string, opts: { url?: string } = {}): Promise<Database> {
  let prisma: PrismaDb;
  let sql: Sql;
  let release = () => {};
  if (config.kind === "postgres") {
    const [{ createPgPool, pgSql }, { PrismaPg }] = await Promise.all([import("./sql-pg"), import("@prisma/adapter-pg")]);
    const pool = createPgPool(config.url);
    sql = pgSql(pool);
    // Prisma gets its own small pool: the adapter ends an external pool on disconnect only when told,
    // and keeping them apart means a long analytics query never starves CRUD.
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.url, max: 5 }) });
  } else {
    if (config.dataDir) release = acquireDataDirLock(config.dataDir, owner, opts.url);
    try {
      const [{ PGlite }, { PrismaPGlite }, { pgliteSql }] = await Promise.all([
        import("@electric-sql/pglite"),
        import("pglite-prisma-adapter"),
        import("./sql-pglite"),
      ]);
      const db = await PGlite.create(config.dataDir ?? undefined);
      sql = pgliteSql(db);
      prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
    } catch (err) {
      release();
      throw err;
    }
  }
  try {
    const migrations = await migrate(sql);
    await sql.query(`SELECT unitscope_ensure_usage_partitions(13, 3)`);
    return {
      prisma,
      sql,
      config,
      migrations,
      async close() {
        await prisma.$disconnect().catch(() => undefined);
        await sql.close().catch(() => undefined);
        release();
      },
    };
  } catch (err) {
    await prisma.$disconnect().catch(() => undefined);
    await sql.close().catch(() => undefined);
    release();
    throw new Error(`could not prepare ${describeDbConfig(config)}: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
}
