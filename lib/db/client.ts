import { resolveDbConfig } from "./config";
import { openDatabase, type Database } from "./open-database";

export type { Database };

/**
 * The one database of this process, opened on first use. Lazy on purpose: `next build` imports route
 * modules in worker processes, and PGlite's directory must only ever be opened by the serving process.
 * Kept on globalThis so dev-mode module reloads reuse it instead of opening the directory twice.
 */
const g = globalThis as unknown as { __unitscopeDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    // A build worker must never open the embedded directory the running app may hold.
    return Promise.reject(new Error("the database is not available while `next build` runs"));
  }
  if (!g.__unitscopeDb) {
    const url = process.env.PORT ? `http://localhost:${process.env.PORT}` : undefined;
    g.__unitscopeDb = openDatabase(resolveDbConfig(), "the Unitscope app", { url });
    g.__unitscopeDb.catch(() => {
      g.__unitscopeDb = undefined; // let the next request try again (e.g. Postgres came back)
    });
  }
  return g.__unitscopeDb;
}

export async function getPrisma() {
  return (await getDb()).prisma;
}
