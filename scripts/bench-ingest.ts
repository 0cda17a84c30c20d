/**
 * `npm run bench:ingest` — sustained ingestion throughput of the real app against the local Postgres,
 * compared with raw COPY into the same table in the same run.
 *
 * 1. creates a fresh database (BENCH_DB, default us_bench_ingest_<time>) on BENCH_ADMIN_URL's server,
 *    migrates it and creates a workspace + ingest key with the app's own code;
 * 2. builds the app if .next/BUILD_ID is missing (refusing while another `next build` runs) and starts
 *    `next start -p BENCH_PORT` (3101) on that database, demo seeding and the job worker off;
 * 3. drives batched load from a separate process (scripts/bench-ingest-load.ts) for BENCH_SECONDS (60)
 *    after BENCH_WARMUP_SECONDS (5): BENCH_BATCH events per request (2000), BENCH_CONCURRENCY in flight (4);
 * 4. samples the app's RSS, checks the stored row count equals what the app acknowledged;
 * 5. COPYs BENCH_COPY_ROWS (300,000) rows of the same shape into usage_events with psql and prints the ratio.
 * The database is dropped at the end unless BENCH_KEEP_DB=1. BENCH_APP_NODE_ARGS adds node flags to the app,
 * BENCH_APP_LOG=<file> keeps its output.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createApiKey } from "@/lib/auth/api-keys";
import { openDatabase } from "@/lib/db/open-database";
import { backendPids, cpuSince, cpuSnapshot, measureCopy, processTree, treeRssMb } from "./bench-ingest-measure";

const env = process.env;
const cfg = {
  adminUrl: env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  db: env.BENCH_DB ?? `us_bench_ingest_${Date.now().toString(36)}`,
  port: Number(env.BENCH_PORT ?? 3101),
  seconds: Number(env.BENCH_SECONDS ?? 60),
  warmupSeconds: Number(env.BENCH_WARMUP_SECONDS ?? 5),
  batch: Number(env.BENCH_BATCH ?? 2000),
  concurrency: Number(env.BENCH_CONCURRENCY ?? 4),
  copyRows: Number(env.BENCH_COPY_ROWS ?? 300_000),
  keepDb: env.BENCH_KEEP_DB === "1",
};
const root = path.resolve(import.meta.dirname, "..");
const log = (m: string) => console.log(`[bench:ingest] ${m}`);

function dbUrl(name: string): string {
  const u = new URL(cfg.adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: cfg.adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function ensureBuild() {
  if (fs.existsSync(path.join(root, ".next/BUILD_ID"))) return;
  const running = spawnSync("pgrep", ["-f", "next build"], { encoding: "utf8" }).stdout.trim();
  if (running) throw new Error(`another \`next build\` is running (pids ${running.split("\n").join(", ")}); run the benchmark after it`);
  log("no production build (.next/BUILD_ID): running `npx next build`…");
  execFileSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
}

async function waitForApp(url: string, key: string, app: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  const probe = JSON.stringify({
    events: [
      {
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        provider: "openai",
        model: "gpt-4o-mini",
        status: "ok",
        usage: { inputTokens: 1, outputTokens: 1 },
        latencyMs: 1,
      },
    ],
  });
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode}`);
    try {
      const r = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: probe,
      });
      if (r.status === 200) return;
      if (r.status === 404) throw new Error("POST /api/v1/events is 404: the build predates the ingest route; delete .next and rerun");
    } catch (err) {
      if (err instanceof Error && err.message.includes("404")) throw err;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not become ready within 120 s");
}

function runLoad(opts: object): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, path.join(root, "scripts/bench-ingest-load.ts"), JSON.stringify(opts)], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
      if (code !== 0 || !line) reject(new Error(`load generator failed (exit ${code})`));
      else resolve(JSON.parse(line.slice("BENCH_RESULT ".length)) as Record<string, unknown>);
    });
  });
}

async function main() {
  const url = dbUrl(cfg.db);
  await admin((c) => c.query(`CREATE DATABASE "${cfg.db.replace(/[^a-z0-9_]/gi, "")}"`));
  log(`fresh database ${cfg.db}`);
  let app: ChildProcess | undefined;
  try {
    const db = await openDatabase({ kind: "postgres", url }, "bench:ingest");
    const ws = await db.prisma.workspace.create({ data: { slug: `bench-${Date.now().toString(36)}`, name: "ingest benchmark" } });
    const copyWs = await db.prisma.workspace.create({ data: { slug: `bench-copy-${Date.now().toString(36)}`, name: "copy baseline" } });
    const { secret } = await createApiKey(db.prisma, { workspaceId: ws.id, name: "bench", scopes: ["ingest"] });
    await db.close();

    ensureBuild();
    // BENCH_APP_NODE_ARGS passes node flags to the app (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
    const nodeArgs = (env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
    // BENCH_APP_LOG=<file> keeps the app's output (e.g. with BENCH_APP_NODE_ARGS="--trace-gc").
    const appLog = env.BENCH_APP_LOG ? fs.openSync(env.BENCH_APP_LOG, "a") : "ignore";
    app = spawn(process.execPath, [...nodeArgs, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(cfg.port)], {
      cwd: root,
      stdio: ["ignore", appLog, appLog === "ignore" ? "inherit" : appLog],
      env: {
        ...env,
        NODE_ENV: "production",
        PORT: String(cfg.port),
        DATABASE_URL: url,
        UNITSCOPE_SEED_DEMO: "0",
        UNITSCOPE_WORKER: "off",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXTAUTH_URL: `http://localhost:${cfg.port}`,
        NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
      },
    });
    const endpoint = `http://127.0.0.1:${cfg.port}/api/v1/events`;
    await waitForApp(endpoint, secret, app);
    log(
      `app ready on :${cfg.port}; ${cfg.warmupSeconds} s warm-up + ${cfg.seconds} s of load, ${cfg.batch} events/request, ${cfg.concurrency} in flight`,
    );

    const monitor = new pg.Client({ connectionString: url });
    await monitor.connect();
    const appPids = () => processTree(app!.pid!);
    const appCpu0 = cpuSnapshot(appPids());
    const pgCpu0 = cpuSnapshot(await backendPids(monitor, cfg.db));
    let rssPeak = 0;
    const rssSamples: number[] = [];
    const sampler = setInterval(() => {
      const mb = treeRssMb(app!.pid!);
      rssSamples.push(mb);
      rssPeak = Math.max(rssPeak, mb);
    }, 1000);
    const load = await runLoad({
      url: endpoint,
      key: secret,
      seconds: cfg.seconds,
      warmupSeconds: cfg.warmupSeconds,
      batch: cfg.batch,
      concurrency: cfg.concurrency,
    });
    clearInterval(sampler);
    const rssEnd = treeRssMb(app.pid!);
    const appCpu = cpuSince(appCpu0, appPids());
    const pgCpu = cpuSince(pgCpu0, await backendPids(monitor, cfg.db));
    const counted = await monitor.query<{ n: string }>(`SELECT count(*) AS n FROM usage_events WHERE workspace_id = $1`, [ws.id]);
    await monitor.end();
    const stored = Number(counted.rows[0]!.n);
    const acknowledged = Number(load.acceptedTotal) + 1; // + the readiness probe
    const perEvent = (cpu: number) => ((cpu * 1e6) / Number(load.acceptedTotal)).toFixed(1);

    log(`COPY baseline: ${cfg.copyRows.toLocaleString("en-US")} rows into the same usage_events table…`);
    const copy = await measureCopy(url, copyWs.id, cfg.copyRows);
    const copyRate = copy.rowsPerSecond;
    const rate = Number(load.eventsPerSecond);
    const statuses = load.statuses as Record<string, number>;
    console.log(
      [
        "",
        "== bench:ingest ==",
        `machine            ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB; load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}`,
        `load               ${cfg.seconds} s measured (after ${cfg.warmupSeconds} s warm-up), ${cfg.batch} events/request, ${cfg.concurrency} concurrent`,
        `requests           ${load.requests} (${Object.entries(statuses)
          .map(([s, n]) => `${s}: ${n}`)
          .join(", ")})`,
        `events accepted    ${Number(load.accepted).toLocaleString("en-US")} (duplicates ${load.duplicates}, rejected ${load.rejected})`,
        `ingest rate        ${Math.round(rate).toLocaleString("en-US")} events/s`,
        `request latency    p50 ${Number(load.p50Ms).toFixed(0)} ms, p99 ${Number(load.p99Ms).toFixed(0)} ms`,
        `app RSS            peak ${rssPeak.toFixed(0)} MB, end ${rssEnd.toFixed(0)} MB, median ${[...rssSamples].sort((a, b) => a - b)[Math.floor(rssSamples.length / 2)]?.toFixed(0)} MB`,
        `stored rows        ${stored.toLocaleString("en-US")} (acknowledged by the app: ${acknowledged.toLocaleString("en-US")} incl. warm-up and probe)`,
        `raw COPY           ${Math.round(copyRate).toLocaleString("en-US")} rows/s (${cfg.copyRows.toLocaleString("en-US")} rows, psql \\copy, same table)`,
        `CPU per event      app ${perEvent(appCpu)} µs + postgres ${perEvent(pgCpu)} µs; COPY backend ${copy.cpuUsPerRow?.toFixed(1) ?? "n/a"} µs/row`,
        `ratio to COPY      ${(rate / copyRate).toFixed(2)}x (target >= 0.5x)`,
        "",
      ].join("\n"),
    );
    // Fewer rows than acknowledged would be data loss. More is possible (a batch committed whose response was lost).
    if (stored < acknowledged) throw new Error(`LOST EVENTS: ${stored} stored < ${acknowledged} acknowledged`);
  } finally {
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 1000));
    }
    if (!cfg.keepDb) {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${cfg.db.replace(/[^a-z0-9_]/gi, "")}" WITH (FORCE)`)).catch(() => undefined);
    }
  }
}

main().catch((err) => {
  console.error(`[bench:ingest] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
