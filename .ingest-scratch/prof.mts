import { openDatabase } from "../lib/db/open-database.ts";
import { sampleEvents } from "../lib/ingest/sample-events.ts";
import { validateEvent } from "../lib/ingest/validate-event.ts";
import { priceEvents } from "../lib/pricing/price-events.ts";
import { insertEvents } from "../lib/ingest/insert-events.ts";
import { ingestEvents } from "../lib/ingest/ingest-events.ts";
const url = process.env.DATABASE_URL;
const db = await openDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dataDir: null }, "prof");
const ws = await db.prisma.workspace.create({ data: { slug: "prof-" + Date.now(), name: "p" } });
const batches = Array.from({ length: 10 }, (_, i) => sampleEvents(5000, { seed: i + 1 }));
await ingestEvents(db, ws.id, sampleEvents(10, {seed: 99}));
let tv = 0, tp = 0, ti = 0, tj = 0;
const t00 = performance.now();
for (const b of batches) {
  const t0 = performance.now();
  const json = JSON.stringify({ events: b });
  const parsed = JSON.parse(json).events;
  const t1 = performance.now();
  const valid = parsed.map((x: unknown) => validateEvent(x)).filter((v: any) => v.ok).map((v: any) => v.event);
  const t2 = performance.now();
  const costs = await priceEvents(db, ws.id, valid.map((e: any) => ({ provider: e.provider, model: e.model, timestamp: e.timestamp, usage: e.usage, workloadClass: e.workloadClass ?? undefined, region: e.region ?? undefined })));
  const t3 = performance.now();
  await insertEvents(db.sql, ws.id, valid, costs);
  const t4 = performance.now();
  tj += t1 - t0; tv += t2 - t1; tp += t3 - t2; ti += t4 - t3;
}
const total = performance.now() - t00;
console.log({ kind: db.config.kind, eventsPerSec: Math.round(50000 / total * 1000), jsonMs: Math.round(tj), validateMs: Math.round(tv), priceMs: Math.round(tp), insertMs: Math.round(ti) });
await db.close();
