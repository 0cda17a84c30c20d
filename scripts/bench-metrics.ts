// `npm run bench:metrics`: loads ≥ 10M realistic usage events straight into a fresh Postgres database,
// builds the rollups with the same code the worker runs, then times a fixed dashboard panel set through
// the real POST /api/v1/metrics/query handler served over HTTP (API-key auth, validation, planning,
// JSON), and computes the same answers exactly from raw events in the same run: time, agreement of
// every additive value, largest relative error of every percentile, and the speed-up.
//
// Environment: BENCH_PG_URL (a Postgres URL whose user may create databases; default the local server),
// BENCH_DB (database created and dropped; default unitscope_bench_metrics), BENCH_EVENTS (10200000),
// BENCH_DAYS (90), BENCH_TENANTS (200), BENCH_RUNS (25 timed runs per panel), BENCH_KEEP=1 keeps the
// database, BENCH_REUSE=1 reuses a kept one (skips loading and building).
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { authenticateApiKey, createApiKey } from "@/lib/auth/api-keys";
import { ApiError } from "@/lib/http/errors";
import { errorResponse } from "@/lib/http/respond";
import { handleQueryRequest } from "@/lib/metrics/handle-query-request";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { CUBE_NAMES, CUBES } from "@/lib/rollups/cubes";
import { rebuildRollups } from "@/lib/rollups/rebuild-rollups";
import { metricsQuerySchema, type MetricsQueryInput } from "@/lib/metrics/query-schema";
import { compareAnswers } from "@/lib/metrics/testing/compare-answers";
import { exactFromRaw } from "@/lib/metrics/testing/exact-from-raw";
import { generateBenchEvents } from "./bench-metrics-data";

const env = process.env;
const ADMIN_URL = env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = env.BENCH_DB ?? "unitscope_bench_metrics";
const EVENTS = Number(env.BENCH_EVENTS ?? 10_200_000);
const DAYS = Number(env.BENCH_DAYS ?? 90);
const TENANTS = Number(env.BENCH_TENANTS ?? 200);
const RUNS = Number(env.BENCH_RUNS ?? 25);
const SLUG = "bench";

if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME)) throw new Error(`BENCH_DB must be a plain lower-case identifier, got ${DB_NAME}`);
const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

const log = (m: string) => console.log(m);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function panels(end: Date): { name: string; body: MetricsQueryInput }[] {
  const to = end.toISOString();
  const from = new Date(end.getTime() - DAYS * 86_400_000).toISOString();
  return [
    {
      name: `${DAYS} days total`,
      body: {
        from,
        to,
        measures: [
          "requests",
          "successful_requests",
          "error_rate",
          "tasks",
          "task_success_rate",
          "cost_usd",
          "list_cost_usd",
          "input_tokens",
          "output_tokens",
          "cost_per_successful_task_usd",
          "cost_per_1k_tokens_usd",
          "latency_p50_ms",
          "latency_p95_ms",
          "latency_p99_ms",
          "ttft_p95_ms",
        ],
      },
    },
    {
      name: "by provider",
      body: {
        from,
        to,
        dimensions: ["provider"],
        measures: ["requests", "cost_usd", "error_rate", "latency_p50_ms", "latency_p95_ms", "ttft_p95_ms"],
      },
    },
    {
      name: "by tenant, top 20",
      body: {
        from,
        to,
        dimensions: ["tenant"],
        orderBy: [{ field: "cost_usd", direction: "desc" }],
        limit: 20,
        measures: ["cost_usd", "requests", "cost_per_successful_task_usd", "task_success_rate", "error_rate"],
      },
    },
    {
      name: "hourly p95, one model",
      body: {
        from,
        to,
        granularity: "hour",
        filters: { model: ["claude-sonnet-4"] },
        measures: ["latency_p95_ms", "ttft_p95_ms", "requests"],
      },
    },
    {
      name: "vendor matrix",
      body: {
        from,
        to,
        dimensions: ["provider", "model"],
        measures: [
          "requests",
          "cost_per_successful_task_usd",
          "cost_per_1k_tokens_usd",
          "latency_p50_ms",
          "latency_p95_ms",
          "ttft_p95_ms",
          "error_rate",
          "throttled_requests",
          "fallback_rate",
          "fallback_success_rate",
        ],
      },
    },
  ];
}

/**
 * The API over real HTTP (node:http): the route's handler function behind the same API-key check the
 * route() wrapper runs (authenticateApiKey + read scope), errors through the same errorResponse. The
 * wrapper itself is not imported: it pulls next-auth, whose CommonJS providers do not load outside Next.
 */
async function serveApi(db: Database): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(`http://localhost${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
    let response: Response;
    try {
      const secret = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
      if (!secret) throw new ApiError("unauthorized", "send an API key");
      const key = await authenticateApiKey(db.prisma, secret);
      if (!key.scopes.includes("read")) throw new ApiError("forbidden", "this API key lacks the 'read' scope");
      response = Response.json(await handleQueryRequest({ req: request, db, workspace: key.workspace }));
    } catch (err) {
      response = errorResponse(err);
    }
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/v1/metrics/query`, close: () => new Promise((r) => server.close(() => r())) };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

type Answer = { rows: Record<string, string | number | null>[]; meta: Record<string, unknown> };

async function main(): Promise<void> {
  const started = Date.now();
  const reuse = env.BENCH_REUSE === "1";
  if (!reuse) {
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await admin(`CREATE DATABASE ${DB_NAME}`);
  }
  const db: Database = await openDatabase({ kind: "postgres", url: dbUrl }, "npm run bench:metrics");
  let endTime: Date;
  try {
    const ws =
      (await db.prisma.workspace.findUnique({ where: { slug: SLUG } })) ??
      (await db.prisma.workspace.create({ data: { slug: SLUG, name: "Benchmark" } }));
    if (!reuse) {
      const end = new Date(Math.floor(Date.now() / 1000) * 1000);
      log(`loading ${EVENTS.toLocaleString("en-US")} events over ${DAYS} days (${TENANTS} tenants) into ${DB_NAME}…`);
      const t0 = Date.now();
      const n = await generateBenchEvents(db.sql, { workspaceId: ws.id, events: EVENTS, days: DAYS, end, seed: 7, tenants: TENANTS });
      await db.sql.exec(`VACUUM ANALYZE usage_events`);
      log(
        `loaded ${n.toLocaleString("en-US")} events in ${secs(Date.now() - t0)} (${Math.round(n / ((Date.now() - t0) / 1000)).toLocaleString("en-US")} events/s)`,
      );
      const t1 = Date.now();
      // The migration marked nothing (the table was empty then): the rebuild marks every hour.
      const r = await rebuildRollups(db.sql, ws.id, { parallel: 2 });
      log(
        `built rollups in ${secs(Date.now() - t1)}: ${r.buckets.hour} hours, ${r.buckets.day} days, ${r.buckets.week} weeks, ${r.buckets.month} months`,
      );
    }
    const [range] = await db.sql.query<{ n: number; hi: Date }>(
      `SELECT count(*)::bigint AS n, max(ts) AS hi FROM usage_events WHERE workspace_id = $1`,
      [ws.id],
    );
    endTime = new Date(Math.ceil((range!.hi.getTime() + 1) / 1000) * 1000);
    log(`\nevents: ${range!.n.toLocaleString("en-US")}; rollup rows per cube (grain: rows):`);
    for (const c of CUBE_NAMES) {
      const rows = await db.sql.query<{ grain: string; n: number; size: string }>(
        `SELECT grain, count(*)::bigint AS n, pg_size_pretty(pg_total_relation_size('"${CUBES[c].table}"')) AS size FROM "${CUBES[c].table}" GROUP BY grain ORDER BY min(bucket)`,
      );
      log(
        `  ${c.padEnd(7)} [${CUBES[c].dims.join(", ")}] ${rows.map((r) => `${r.grain} ${r.n.toLocaleString("en-US")}`).join(", ")} (${rows[0]?.size ?? "0"})`,
      );
    }

    const key = await createApiKey(db.prisma, { workspaceId: ws.id, name: `bench-${Date.now()}`, scopes: ["read"] });
    const api = await serveApi(db);
    const results: string[] = [];
    try {
      for (const panel of panels(endTime)) {
        const call = async () => {
          const res = await fetch(api.url, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${key.secret}` },
            body: JSON.stringify(panel.body),
          });
          const json = (await res.json()) as Answer & { error?: { message: string } };
          if (res.status !== 200) throw new Error(`${panel.name}: HTTP ${res.status} ${json.error?.message}`);
          return json;
        };
        for (let i = 0; i < 3; i++) await call();
        const times: number[] = [];
        let answer: Answer | null = null;
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now();
          answer = await call();
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        const tr = performance.now();
        const q = metricsQuerySchema.parse(panel.body);
        const exact = await exactFromRaw(db.sql, ws.id, q);
        const rawMs = performance.now() - tr;
        // A top-N answer holds only N of the exact rows.
        const cmp = compareAnswers(q, answer!.rows, exact, { ignoreMissing: q.limit !== undefined });
        const median = quantile(times, 0.5);
        const p95 = quantile(times, 0.95);
        results.push(
          `${panel.name.padEnd(22)} ${median.toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)} ${rawMs.toFixed(0).padStart(8)} ${(rawMs / median).toFixed(0).padStart(6)}× ` +
            `${(cmp.maxPercentileError * 100).toFixed(3).padStart(8)}% ${String(cmp.mismatches.length + cmp.missing.length).padStart(6)}/${String(cmp.compared).padEnd(6)} ${String(answer!.rows.length).padStart(5)}  ${String(answer!.meta.source)} ${JSON.stringify(answer!.meta.sources)}`,
        );
      }
    } finally {
      await api.close();
    }
    log(`\npanel                  median     p95   raw ms  speed-up  max pct err  mismatches  rows  source`);
    for (const r of results) log(r);
    log(
      `\n(ms through HTTP + the route handler; ${RUNS} timed runs after 3 warm-ups; raw = the same answer computed exactly from raw events once;`,
    );
    log(` mismatches = additive/ratio values that differ from raw, of those compared; percentile error relative to percentile_disc)`);
  } finally {
    await db.close();
  }
  if (env.BENCH_KEEP !== "1") {
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    log(`dropped ${DB_NAME}`);
  } else log(`kept ${DB_NAME} (BENCH_REUSE=1 BENCH_DB=${DB_NAME} reruns the queries; drop it with: psql -c 'DROP DATABASE ${DB_NAME}')`);
  log(`total ${secs(Date.now() - started)}`);
}

main().catch((err) => {
  console.error(`bench:metrics failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
