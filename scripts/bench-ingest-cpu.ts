/**
 * `npx tsx scripts/bench-ingest-cpu.ts` — the app-side CPU of the ingest hot path per event, stage by
 * stage, in one process without Next.js or HTTP (the full `npm run bench:ingest` needs a build and a
 * quiet machine; this runs in seconds and its CPU figures do not depend on who else is running).
 *
 * Bodies are built as the load generator builds them (sampleEvents, 2,000 per request); each round
 * parses, validates, prices and stores them through the app's own functions against a fresh Postgres
 * database (BENCH_ADMIN_URL server, dropped at the end). Prints µs of this process's CPU per event for
 * each stage and for the whole of ingestEvents. Add `--cpu-prof` to node (NODE_OPTIONS) to profile.
 *
 * Env: BENCH_ROUNDS (40), BENCH_BATCH (2000).
 */
import pg from "pg";
import { openDatabase } from "@/lib/db/open-database";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { parseEventsBody } from "@/lib/ingest/parse-events-body";
import { sampleEvents } from "@/lib/ingest/sample-events";
import { currentTimeWindow, validateEvent } from "@/lib/ingest/validate-event";
import { priceEventsLean } from "@/lib/pricing/price-events-lean";

const env = process.env;
const rounds = Number(env.BENCH_ROUNDS ?? 40);
const batch = Number(env.BENCH_BATCH ?? 2000);
const adminUrl = env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `us_perf_cpu_${Date.now().toString(36)}`;

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
    const stage = { parse: 0, validate: 0, price: 0, ingest: 0 };
    let events = 0;
    for (let r = 0; r < rounds; r++) {
      const tag = `r${r.toString().padStart(11, "0")}`;
      const body = Buffer.from(bodies[r % bodies.length]!.toString("latin1").replaceAll("############", tag), "latin1");
      const warm = r < 5; // JIT warm-up rounds are not counted
      const t = cpuUs();
      const items = parseEventsBody(body, "json");
      const afterParse = cpuUs();
      const window = currentTimeWindow();
      const valid = [];
      for (const it of items) {
        const v = validateEvent(it, window);
        if (v.ok) valid.push(v.event);
      }
      const afterValidate = cpuUs();
      await priceEventsLean(db, ws.id, valid);
      const afterPrice = cpuUs();
      // The whole path (validation and pricing again, then the COPY), as the route runs it.
      const items2 = parseEventsBody(body, "json");
      const beforeIngest = cpuUs();
      const res = await ingestEvents(db, ws.id, items2);
      const afterIngest = cpuUs();
      if (res.accepted !== batch) throw new Error(`round ${r}: accepted ${res.accepted} of ${batch}: ${JSON.stringify(res.rejected.slice(0, 3))}`);
      if (warm) continue;
      events += batch;
      stage.parse += afterParse - t;
      stage.validate += afterValidate - afterParse;
      stage.price += afterPrice - afterValidate;
      stage.ingest += afterIngest - beforeIngest;
    }
    const per = (us: number) => (us / events).toFixed(2);
    console.log(`events measured   ${events.toLocaleString("en-US")} (${rounds - 5} rounds of ${batch})`);
    console.log(`JSON parse        ${per(stage.parse)} µs/event`);
    console.log(`validate          ${per(stage.validate)} µs/event`);
    console.log(`price             ${per(stage.price)} µs/event`);
    console.log(`ingestEvents      ${per(stage.ingest)} µs/event (validate + price + COPY text + client I/O)`);
    console.log(`  of which write  ${per(stage.ingest - stage.validate - stage.price)} µs/event (by difference)`);
  } finally {
    await db.close();
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
