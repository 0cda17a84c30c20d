/**
 * `npx tsx scripts/bench-ingest-cpu.ts` — the app-side CPU of the ingest hot path per event, stage by
 * stage, in one process without Next.js or HTTP (the full `npm run bench:ingest` needs a build and a
 * quiet machine; this runs in seconds and its CPU figures depend little on who else is running).
 *
 * Bodies are built as the load generator builds them (sampleEvents, 2,000 per request); each round
 * parses, validates, prices and writes them as COPY rows (prepareBatch), then stores them, through the
 * app's own functions against a fresh Postgres database (BENCH_ADMIN_URL server, dropped at the end).
 * Prints µs of this process's CPU per event for each stage. To profile:
 * `node --cpu-prof --import tsx scripts/bench-ingest-cpu.ts`.
 *
 * Env: BENCH_ROUNDS (40), BENCH_BATCH (2000).
 */
import pg from "pg";
import { openDatabase } from "@/lib/db/open-database";
import { storePrepared } from "@/lib/ingest/ingest-events";
import { parseEventsBody } from "@/lib/ingest/parse-events-body";
import { prepareBatch } from "@/lib/ingest/prepare-batch";
import { sampleEvents } from "@/lib/ingest/sample-events";
import { checkEvent, currentTimeWindow } from "@/lib/ingest/validate-event";
import { costEventLean } from "@/lib/pricing/cost-event-lean";
import { loadPricing } from "@/lib/pricing/load-pricing";

const env = process.env;
const rounds = Number(env.BENCH_ROUNDS ?? 40);
const batch = Number(env.BENCH_BATCH ?? 2000);
const adminUrl = env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `us_perf_cpu_${Date.now().toString(36)}`;
const WARM_ROUNDS = 5;

function cpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function main() {
  await admin(`CREATE DATABASE "${dbName}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  const db = await openDatabase({ kind: "postgres", url: u.toString() }, "bench:ingest-cpu");
  try {
    const ws = await db.prisma.workspace.create({ data: { slug: dbName.replace(/_/g, "-"), name: "cpu bench" } });
    const bodies = Array.from({ length: 8 }, (_, t) => {
      const events = sampleEvents(batch, { seed: 1000 + t, idPrefix: "############", spanMs: 3 * 3600_000 });
      return Buffer.from(JSON.stringify({ events }));
    });
    const stage = { parse: 0, validate: 0, price: 0, prepare: 0, store: 0 };
    let events = 0;
    for (let r = 0; r < rounds; r++) {
      const tag = `r${r.toString().padStart(11, "0")}`;
      const body = Buffer.from(bodies[r % bodies.length]!.toString("latin1").replaceAll("############", tag), "latin1");
      const window = currentTimeWindow();
      const pricing = await loadPricing(db, ws.id);
      // Stages alone (validation and pricing), then the real path: prepareBatch (parse excluded) + store.
      const t0 = cpuUs();
      const items = parseEventsBody(body, "json");
      const t1 = cpuUs();
      const valid = [];
      for (const it of items) {
        const v = checkEvent(it, window);
        if (v.ok) valid.push(v.event);
      }
      const t2 = cpuUs();
      for (const e of valid) costEventLean(pricing.catalog.index, pricing.terms, e);
      const t3 = cpuUs();
      const prepared = prepareBatch(items, ws.id, pricing, window);
      const t4 = cpuUs();
      const res = await storePrepared(db, ws.id, prepared);
      const t5 = cpuUs();
      if (res.accepted !== batch)
        throw new Error(`round ${r}: accepted ${res.accepted} of ${batch}: ${JSON.stringify(res.rejected.slice(0, 3))}`);
      if (r < WARM_ROUNDS) continue; // JIT warm-up
      events += batch;
      stage.parse += t1 - t0;
      stage.validate += t2 - t1;
      stage.price += t3 - t2;
      stage.prepare += t4 - t3;
      stage.store += t5 - t4;
    }
    const per = (us: number) => (us / events).toFixed(2);
    console.log(`events measured   ${events.toLocaleString("en-US")} (${rounds - WARM_ROUNDS} rounds of ${batch})`);
    console.log(`JSON parse        ${per(stage.parse)} µs/event`);
    console.log(`validate          ${per(stage.validate)} µs/event (alone)`);
    console.log(`price             ${per(stage.price)} µs/event (alone)`);
    console.log(`prepareBatch      ${per(stage.prepare)} µs/event (validate + price + COPY row)`);
    console.log(`store             ${per(stage.store)} µs/event (COPY + rollup marks, client side)`);
    console.log(`hot path total    ${per(stage.parse + stage.prepare + stage.store)} µs/event`);
  } finally {
    await db.close();
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
