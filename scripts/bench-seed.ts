// `npm run bench:seed`: how long a fresh install takes to seed the demo workspace (~120k events through
// the real ingestion pipeline), on a throw-away in-memory PGlite (the embedded default) and on a fresh
// PostgreSQL database (BENCH_PG_URL, skipped when unreachable), with the PGlite/PostgreSQL ratio.
// Replaces the timed assertion the seed test used to make.
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { DbConfig } from "@/lib/db/config";
import { openDatabase } from "@/lib/db/open-database";
import { seedDemo } from "@/prisma/seed/seed-demo";

const PG_URL = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function seedOnce(label: string, config: DbConfig): Promise<number> {
  const db = await openDatabase(config, "bench:seed");
  try {
    const started = performance.now();
    const r = await seedDemo(db);
    const s = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(10)} ${r.events.toLocaleString("en-US")} events in ${s.toFixed(1)} s (${Math.round(r.events / s).toLocaleString("en-US")} events/s)`,
    );
    return s;
  } finally {
    await db.close();
  }
}

async function withFreshPostgres<T>(fn: (config: DbConfig) => Promise<T>): Promise<T | null> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`postgres   skipped: ${PG_URL} unreachable (${(err as Error).message})`);
    return null;
  }
  const name = `us_bench_seed_${Date.now()}`; // generated, never input
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    return await fn({ kind: "postgres", url: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const pglite = await seedOnce("pglite", { kind: "pglite", dataDir: null });
const postgres = await withFreshPostgres((config) => seedOnce("postgres", config));
if (postgres !== null) console.log(`ratio      PGlite takes ${(pglite / postgres).toFixed(2)}x PostgreSQL's time`);
