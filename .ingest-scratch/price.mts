import { openDatabase } from "../lib/db/open-database.ts";
import { sampleEvents } from "../lib/ingest/sample-events.ts";
import { validateEvent } from "../lib/ingest/validate-event.ts";
import { priceEvents } from "../lib/pricing/price-events.ts";
const db = await openDatabase({ kind: "postgres", url: "postgresql://postgres@127.0.0.1:5432/us_ingest_scratch" }, "prof");
const valid = sampleEvents(5000, { seed: 1 }).map((e) => (validateEvent(e) as any).event);
const inputs = valid.map((e: any) => ({ provider: e.provider, model: e.model, timestamp: e.timestamp, usage: e.usage, workloadClass: e.workloadClass, region: e.region }));
await priceEvents(db, 999001, inputs);
for (let k = 0; k < 3; k++) { const t = performance.now(); await priceEvents(db, 999001, inputs); console.log("priceEvents", ((performance.now() - t) / 5000 * 1000).toFixed(2), "µs/event"); }
await db.close();
