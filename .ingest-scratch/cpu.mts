import pg from "pg";
import { sampleEvents } from "../lib/ingest/sample-events.ts";
import { validateEvent } from "../lib/ingest/validate-event.ts";
const prepareValue = (pg as any).utils?.prepareValue ?? (await import("pg/lib/utils.js")).prepareValue;
const N = 5000;
const evs = sampleEvents(N, { seed: 1 });
const body = JSON.stringify({ events: evs });
function time(label: string, fn: () => void, reps = 10) { fn(); const t = performance.now(); for (let i = 0; i < reps; i++) fn(); console.log(label, ((performance.now() - t) / reps / N * 1000).toFixed(2), "µs/event"); }
time("JSON.parse", () => JSON.parse(body));
const parsed = JSON.parse(body).events;
time("validate", () => { for (const e of parsed) validateEvent(e); });
const valid = parsed.map((e: any) => (validateEvent(e) as any).event);
const cols: any[][] = [];
time("build columns", () => { cols.length = 0; for (let c = 0; c < 29; c++) cols.push(valid.map((e: any) => c % 3 === 0 ? e.id : c % 3 === 1 ? e.usage.inputTokens : e.tenant)); });
time("pg prepareValue arrays", () => { for (const c of cols) prepareValue(c); });
time("JSON.stringify rows", () => JSON.stringify(valid.map((e: any) => ({ a: e.id, b: e.usage.inputTokens, c: e.tenant, d: e.model, e: e.provider, f: e.timestamp.toISOString(), g: e.latencyMs, h: e.ttftMs, i: e.region, j: e.feature, k: e.route, l: e.status }))));
