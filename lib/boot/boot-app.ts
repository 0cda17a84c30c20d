import { describeDbConfig } from "@/lib/db/config";
import { getDb } from "@/lib/db/client";

const g = globalThis as unknown as { __unitscopeBooted?: Promise<void> };

/** Idempotent start-up. A failure is printed clearly and the server keeps running (health says degraded). */
export function bootApp(): Promise<void> {
  g.__unitscopeBooted ??= boot().catch((err) => {
    console.error(`\n[unitscope] start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
    g.__unitscopeBooted = undefined;
  });
  return g.__unitscopeBooted;
}

async function boot(): Promise<void> {
  const started = Date.now();
  const db = await getDb();
  const port = process.env.PORT ?? "3000";
  const url = process.env.UNITSCOPE_PUBLIC_URL ?? `http://localhost:${port}`;
  const lines = [`[unitscope] database: ${describeDbConfig(db.config)}`];
  if (db.migrations.applied.length) lines.push(`[unitscope] applied migrations: ${db.migrations.applied.join(", ")}`);

  // Loading the shipped price catalog takes a second or two once; do it now, not on the first ingest call.
  const { ensureCatalogLoaded } = await import("@/lib/pricing/load-catalog");
  await ensureCatalogLoaded(db);

  if (process.env.UNITSCOPE_SEED_DEMO !== "0") {
    const { seedDemo } = await import("@/prisma/seed/seed-demo");
    const seeded = await seedDemo(db, { log: (m: string) => console.log(`[unitscope] ${m}`) });
    lines.push(
      seeded.created
        ? `[unitscope] seeded the demo workspace: ${seeded.events.toLocaleString("en-US")} events`
        : `[unitscope] demo workspace already seeded`,
      `[unitscope] demo login: ${seeded.login.email} / ${seeded.login.password}`,
    );
    if (seeded.created) {
      // Build the fresh demo's rollups before the first request: its first dashboards then read
      // rollups, not 30 days of raw events, and the worker starts with nothing to catch up on.
      const { refreshDirtyWorkspaces } = await import("@/lib/rollups/refresh-rollups");
      const t = Date.now();
      const buckets = await refreshDirtyWorkspaces(db.sql);
      lines.push(
        `[unitscope] built the demo's rollups (${buckets.toLocaleString("en-US")} buckets) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
      );
    }
  }

  if (db.config.kind === "pglite" || process.env.UNITSCOPE_WORKER !== "off") {
    const [{ startWorker }, { jobRegistry }] = await Promise.all([import("@/lib/jobs/start-worker"), import("./jobs")]);
    const worker = await startWorker(db, jobRegistry);
    // Our listener replaces Node's exit-on-signal, so exit ourselves: give running jobs a few seconds
    // (they are idempotent and re-run after a restart), release the database, then leave.
    const shutdown = (signal: string) => {
      console.log(`[unitscope] ${signal}: stopping the worker and closing the database`);
      setTimeout(() => process.exit(0), 5_000).unref();
      void worker
        .stop()
        .catch(() => undefined)
        .then(() => db.close())
        .finally(() => process.exit(0));
    };
    process.once("SIGTERM", () => shutdown("SIGTERM"));
    process.once("SIGINT", () => shutdown("SIGINT"));
    lines.push(`[unitscope] job worker running in-process`);
  }

  lines.push(`[unitscope] ready in ${((Date.now() - started) / 1000).toFixed(1)} s — open ${url}`);
  console.log(["", ...lines, ""].join("\n"));
}
