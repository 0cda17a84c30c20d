// `npm run bench:alerts`: 1,000 grouped monitors over the ~10M-event workspace kept by
// `BENCH_KEEP=1 npm run bench:metrics`. Times one full evaluation cycle (evaluateMonitors, the function
// the worker's alerts.evaluate job runs) at an instant inside the data, per monitor and in total, beside
// a baseline: the same 1,000 metrics queries through runMetricsQuery without the alert bookkeeping. Then
// the delivery latency from commit to a loopback webhook receiver with a real worker running the outbox.
// Targets (issue 12): cycle < 30 s, delivery p95 < 5 s. Numbers are printed, not asserted.
//
// Environment: BENCH_PG_URL (default the local server), BENCH_DB (unitscope_bench_metrics, must exist:
// run bench:metrics with BENCH_KEEP=1 first), BENCH_MONITORS (1000), BENCH_DELIVERIES (200),
// BENCH_RECEIVER_PORT (3290), BENCH_AT (evaluation instant, ISO; default the start of the minute of the last event).
// Each run first deletes the previous run's monitors, channels, alerts and outbox rows of the workspace.
import http from "node:http";
import pg from "pg";
import { evaluateMonitor, evaluateMonitors, evaluationConcurrency, evaluationMeasures } from "@/lib/alerts/evaluate-monitors";
import { createMonitor, listMonitors, type MonitorView } from "@/lib/alerts/monitor-store";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { createJobRegistry } from "@/lib/jobs/job-registry";
import { startWorker } from "@/lib/jobs/start-worker";
import { runMetricsQuery } from "@/lib/metrics/run-metrics-query";
import { createChannel } from "@/lib/notifications/channel-store";
import { notificationDeliverers } from "@/lib/notifications/notification-deliverers";
import { outboxJobs } from "@/lib/outbox/outbox-jobs";

const env = process.env;
const ADMIN_URL = env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = env.BENCH_DB ?? "unitscope_bench_metrics";
const MONITORS = Number(env.BENCH_MONITORS ?? 1000);
const DELIVERIES = Number(env.BENCH_DELIVERIES ?? 200);
const RECEIVER_PORT = Number(env.BENCH_RECEIVER_PORT ?? 3290);
const SLUG = "bench";
const PREFIX = "bench-alerts";

if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME)) throw new Error(`BENCH_DB must be a plain lower-case identifier, got ${DB_NAME}`);
const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();
const log = (m: string) => console.log(m);
const ms = (n: number) => `${n.toFixed(1)} ms`;
const secs = (n: number) => `${(n / 1000).toFixed(2)} s`;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}
const stats = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return `p50 ${ms(quantile(s, 0.5))}, p95 ${ms(quantile(s, 0.95))}, max ${ms(s[s.length - 1] ?? NaN)}`;
};

// The mix: what teams alert on (errors, throttling, latency, spend, unit cost), each with the operator
// that makes sense for it; windows 5m…1h; grouped by provider, model, tenant, feature or provider×model;
// every third monitor narrowed by a filter.
const MEASURES: { measure: string; operator: "gt" | "lt"; minRequests: number }[] = [
  { measure: "error_rate", operator: "gt", minRequests: 20 },
  { measure: "latency_p95_ms", operator: "gt", minRequests: 20 },
  { measure: "cost_usd", operator: "gt", minRequests: 0 },
  { measure: "throttled_requests", operator: "gt", minRequests: 0 },
  { measure: "failed_requests", operator: "gt", minRequests: 0 },
  { measure: "ttft_p95_ms", operator: "gt", minRequests: 20 },
  { measure: "task_success_rate", operator: "lt", minRequests: 20 },
  { measure: "cost_per_successful_task_usd", operator: "gt", minRequests: 20 },
  { measure: "latency_p99_ms", operator: "gt", minRequests: 20 },
  { measure: "requests", operator: "lt", minRequests: 0 },
  { measure: "fallback_rate", operator: "gt", minRequests: 20 },
];
const WINDOWS = ["5m", "10m", "15m", "30m", "1h"];
const GROUPINGS = [["provider"], ["model"], ["tenant"], ["feature"], ["provider", "model"]];

type Spec = {
  name: string;
  measure: string;
  operator: "gt" | "lt";
  minRequests: number;
  window: string;
  groupBy: string[];
  filters: Record<string, string[]>;
};

function specs(filterValues: { provider: string[]; workloadClass: string[] }): Spec[] {
  return Array.from({ length: MONITORS }, (_, i) => {
    const m = MEASURES[i % MEASURES.length]!;
    const window = WINDOWS[Math.floor(i / MEASURES.length) % WINDOWS.length]!;
    const groupBy = GROUPINGS[Math.floor(i / (MEASURES.length * WINDOWS.length)) % GROUPINGS.length]!;
    const filters: Record<string, string[]> = {};
    if (i % 3 === 1 && !groupBy.includes("provider")) filters.provider = [filterValues.provider[i % filterValues.provider.length]!];
    if (i % 3 === 2 && filterValues.workloadClass.length)
      filters.workloadClass = [filterValues.workloadClass[i % filterValues.workloadClass.length]!];
    return { name: `${PREFIX} ${i} ${m.measure} ${m.operator} over ${window} by ${groupBy.join("+")}`, ...m, window, groupBy, filters };
  });
}

const WINDOW_SECONDS: Record<string, number> = { "5m": 300, "10m": 600, "15m": 900, "30m": 1800, "1h": 3600 };

function queryOf(s: Pick<Spec, "measure" | "window" | "groupBy" | "filters">, at: Date) {
  return {
    from: new Date(at.getTime() - WINDOW_SECONDS[s.window]! * 1000).toISOString(),
    to: at.toISOString(),
    measures: evaluationMeasures(s.measure),
    dimensions: s.groupBy,
    filters: s.filters,
  };
}

/** A threshold only the worst ~10% of the groups cross (by the baseline's own answer), as a decimal string. */
function calibrate(values: number[], operator: "gt" | "lt"): string {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return "1";
  const v = operator === "gt" ? quantile(s, 0.9) : quantile(s, 0.1);
  return (Math.round(Math.abs(v) * 1e6) / 1e6).toFixed(6);
}

async function cleanup(db: Database, workspaceId: number) {
  await db.sql.query(`DELETE FROM "outbox" WHERE "workspace_id" = $1`, [workspaceId]);
  await db.sql.query(`DELETE FROM "alerts" WHERE "workspace_id" = $1`, [workspaceId]);
  await db.sql.query(`DELETE FROM "monitors" WHERE "workspace_id" = $1`, [workspaceId]);
  await db.sql.query(`DELETE FROM "alert_channels" WHERE "workspace_id" = $1`, [workspaceId]);
  await db.sql.query(`DELETE FROM "alert_silences" WHERE "workspace_id" = $1`, [workspaceId]);
}

/** A loopback Standard Webhooks receiver recording when each alert's first message arrived (ms, performance clock). */
async function startReceiver() {
  const arrivals = new Map<number, number>();
  let total = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const at = performance.now();
      total++;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { data: { alert: { ruleId: number } } };
        if (!arrivals.has(body.data.alert.ruleId)) arrivals.set(body.data.alert.ruleId, at);
      } catch {
        // counted, not timed
      }
      res.writeHead(200).end("ok");
      for (const w of waiters.splice(0)) {
        if (total >= w.n) w.resolve();
        else waiters.push(w);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(RECEIVER_PORT, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${RECEIVER_PORT}/hook`,
    arrivals,
    total: () => total,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function waitFor(test: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await test()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function main(): Promise<void> {
  const started = Date.now();
  const probe = new pg.Client({ connectionString: ADMIN_URL });
  await probe.connect();
  const exists = await probe.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB_NAME]);
  await probe.end();
  if (exists.rowCount === 0) throw new Error(`database ${DB_NAME} does not exist: run BENCH_KEEP=1 npm run bench:metrics first`);

  const db = await openDatabase({ kind: "postgres", url: dbUrl }, "npm run bench:alerts");
  const receiver = await startReceiver();
  try {
    const [ws] = await db.sql.query<{ id: number; slug: string; name: string }>(
      `SELECT "id", "slug", "name" FROM "workspaces" WHERE "slug" = $1`,
      [SLUG],
    );
    if (!ws) throw new Error(`no workspace '${SLUG}' in ${DB_NAME}: run BENCH_KEEP=1 npm run bench:metrics first`);
    await cleanup(db, ws.id);
    const [range] = await db.sql.query<{ n: number; lo: Date; hi: Date }>(
      `SELECT count(*)::bigint AS n, min(ts) AS lo, max(ts) AS hi FROM usage_events WHERE workspace_id = $1`,
      [ws.id],
    );
    // Inside the data: the minute the last event fell in, so every window up to 1 h is full of events.
    const at = env.BENCH_AT ? new Date(env.BENCH_AT) : new Date(Math.floor(range!.hi.getTime() / 60_000) * 60_000);
    const providers = (
      await db.sql.query<{ v: string }>(`SELECT DISTINCT provider AS v FROM usage_events WHERE workspace_id = $1 AND ts >= $2 ORDER BY 1`, [
        ws.id,
        new Date(at.getTime() - 3_600_000),
      ])
    ).map((r) => r.v);
    const classes = (
      await db.sql.query<{ v: string }>(
        `SELECT DISTINCT workload_class AS v FROM usage_events WHERE workspace_id = $1 AND ts >= $2 AND workload_class IS NOT NULL ORDER BY 1`,
        [ws.id, new Date(at.getTime() - 3_600_000)],
      )
    ).map((r) => r.v);
    log(
      `workspace ${SLUG}: ${Number(range!.n).toLocaleString("en-US")} events from ${range!.lo.toISOString()} to ${range!.hi.toISOString()}; evaluating at ${at.toISOString()}`,
    );

    // Baseline: the 1,000 metrics queries alone (and the thresholds, from their answers).
    const all = specs({ provider: providers, workloadClass: classes });
    const baseline: number[] = [];
    const thresholds: string[] = [];
    const t0 = performance.now();
    for (const s of all) {
      const t = performance.now();
      const answer = await runMetricsQuery(db, ws.id, queryOf(s, at));
      baseline.push(performance.now() - t);
      thresholds.push(
        calibrate(
          answer.rows.map((r) => Number(r[s.measure] ?? NaN)),
          s.operator,
        ),
      );
    }
    const baselineMs = performance.now() - t0;
    log(
      `\nbaseline: ${all.length} metrics queries (runMetricsQuery, no alert bookkeeping) in ${secs(baselineMs)}; per query ${stats(baseline)}`,
    );

    const { channel } = await createChannel(db, ws.id, { name: `${PREFIX} hook`, type: "webhook", config: { url: receiver.url } });
    for (const [i, s] of all.entries()) {
      await createMonitor(db, ws.id, {
        name: s.name,
        measure: s.measure,
        window: s.window,
        operator: s.operator,
        alertThreshold: thresholds[i],
        groupBy: s.groupBy,
        filters: s.filters,
        minRequests: s.minRequests,
        forEvaluations: i % 4 === 3 ? 2 : 1,
        channelIds: [channel.id],
      });
    }
    const mix = (key: (s: Spec) => string) => {
      const n = new Map<string, number>();
      for (const s of all) n.set(key(s), (n.get(key(s)) ?? 0) + 1);
      return [...n].map(([k, v]) => `${k} ${v}`).join(", ");
    };
    log(`created ${all.length} monitors (one webhook channel each): by measure ${mix((s) => s.measure)}`);
    log(
      `  by window ${mix((s) => s.window)}; by groupBy ${mix((s) => s.groupBy.join("+"))}; filtered ${all.filter((s) => Object.keys(s.filters).length).length}`,
    );

    log(`evaluation concurrency ${evaluationConcurrency(db)} (UNITSCOPE_ALERT_EVAL_CONCURRENCY)`);
    let cycle2Ms = 0;
    for (const [label, instant] of [
      ["cycle 1 (first evaluation: every breach is a transition)", at],
      ["cycle 2 (one minute later: steady state)", new Date(at.getTime() + 60_000)],
    ] as const) {
      const tc = performance.now();
      const results = await evaluateMonitors(db, ws.id, instant);
      const cycleMs = performance.now() - tc;
      const sum = (k: "groups" | "transitions" | "notifications") => results.reduce((n, r) => n + r[k], 0);
      const errors = results.filter((r) => r.error);
      log(`\n${label} at ${instant.toISOString()}: ${results.length} monitors in ${secs(cycleMs)}`);
      log(`  per monitor ${stats(results.map((r) => r.ms))}`);
      log(
        `  groups ${sum("groups").toLocaleString("en-US")}, transitions ${sum("transitions")}, notifications (outbox rows) ${sum("notifications")}, errors ${errors.length}${errors[0] ? ` (first: ${errors[0].error})` : ""}`,
      );
      log(`  ratio to the baseline's queries: ${(cycleMs / baselineMs).toFixed(2)}×`);
      cycle2Ms = cycleMs;
    }
    const warm: number[] = [];
    const tw = performance.now();
    for (const s of all) {
      const t = performance.now();
      await runMetricsQuery(db, ws.id, queryOf(s, new Date(at.getTime() + 60_000)));
      warm.push(performance.now() - t);
    }
    const warmMs = performance.now() - tw;
    log(`\nbaseline again, warm, at cycle 2's instant: ${all.length} metrics queries in ${secs(warmMs)}; per query ${stats(warm)}`);
    log(`  cycle 2 / warm baseline: ${(cycle2Ms / warmMs).toFixed(2)}×`);
    const [counts] = await db.sql.query<{ open: number; firing: number; pending: number; outbox: number }>(
      `SELECT count(*) FILTER (WHERE "open")::int AS "open", count(*) FILTER (WHERE "state" = 'firing')::int AS "firing",
              count(*) FILTER (WHERE "state" = 'pending')::int AS "pending",
              (SELECT count(*)::int FROM "outbox" WHERE "workspace_id" = $1) AS "outbox"
         FROM "alerts" WHERE "workspace_id" = $1`,
      [ws.id],
    );
    log(`alerts now: ${counts!.open} open (${counts!.firing} firing, ${counts!.pending} pending); outbox rows ${counts!.outbox}`);

    // Delivery: a real worker with the outbox job (default poll interval), the registry's deliverers.
    const worker = await startWorker(db, createJobRegistry(outboxJobs(notificationDeliverers(() => Promise.resolve(db)))), {
      onError: (message) => console.error(`[worker] ${message}`),
    });
    try {
      const pending = async () =>
        Number(
          (
            await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "outbox" WHERE "workspace_id" = $1 AND "state" = 'pending'`, [
              ws.id,
            ])
          )[0]!.n,
        );
      const td = performance.now();
      const drained = await waitFor(async () => (await pending()) === 0, 600_000);
      log(
        `\nthe cycles' ${counts!.outbox} notifications delivered to the loopback receiver in ${secs(performance.now() - td)}${drained ? "" : " (NOT drained within 10 min)"}; received ${receiver.total()}`,
      );

      // N transitions committed one after another, each its own monitor (requests of one tenant over 1h > 0).
      const probeAt = new Date(at.getTime() + 120_000);
      const tenants = (
        await db.sql.query<{ v: string }>(
          `SELECT tenant AS v FROM usage_events WHERE workspace_id = $1 AND ts >= $2 AND ts < $3 AND tenant IS NOT NULL
            GROUP BY tenant ORDER BY count(*) DESC, tenant LIMIT $4`,
          [ws.id, new Date(probeAt.getTime() - 3_600_000), probeAt, DELIVERIES],
        )
      ).map((r) => r.v);
      const probes: MonitorView[] = [];
      for (const [i, tenant] of tenants.entries()) {
        probes.push(
          await createMonitor(db, ws.id, {
            name: `${PREFIX} delivery probe ${i}`,
            measure: "requests",
            window: "1h",
            operator: "gt",
            alertThreshold: 0,
            filters: { tenant: [tenant] },
            channelIds: [channel.id],
          }),
        );
      }
      const committed = new Map<number, number>();
      const tp = performance.now();
      for (const m of probes) {
        const r = await evaluateMonitor(db, m, probeAt, ws);
        committed.set(m.id, performance.now()); // just after the transaction committed
        if (r.notifications !== 1) log(`  probe ${m.id}: ${r.notifications} notifications (expected 1)`);
      }
      const commitSpan = performance.now() - tp;
      const all200 = await waitFor(async () => probes.every((m) => receiver.arrivals.has(m.id)), 120_000);
      const latencies = probes.filter((m) => receiver.arrivals.has(m.id)).map((m) => receiver.arrivals.get(m.id)! - committed.get(m.id)!);
      log(
        `delivery: ${probes.length} transitions committed one by one over ${secs(commitSpan)}; ${latencies.length} received${all200 ? "" : " (some missing after 2 min)"}`,
      );
      log(`  commit → received ${stats(latencies)}`);
    } finally {
      await worker.stop();
    }
    const active = (await listMonitors(db.sql, ws.id, { enabledOnly: true })).length;
    log(`\n(${active} monitors kept in ${DB_NAME}; the next run deletes them first)`);
  } finally {
    await receiver.close();
    await db.close();
  }
  log(`total ${secs(Date.now() - started)}`);
}

main().catch((err) => {
  console.error(`bench:alerts failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
