import { z } from "zod";
import { sampleEvents } from "../lib/ingest/sample-events.ts";
import { usageEventObjectSchema, usageEventSchema } from "../lib/ingest/event-schema.ts";
import { normalizeUsage } from "../lib/ingest/normalize-usage.ts";
const N = 5000;
const parsed = JSON.parse(JSON.stringify(sampleEvents(N, { seed: 1 })));
function time(label: string, fn: () => void, reps = 10) { fn(); const t = performance.now(); for (let i = 0; i < reps; i++) fn(); console.log(label.padEnd(30), ((performance.now() - t) / reps / N * 1000).toFixed(2), "µs/event"); }
time("full schema", () => { for (const e of parsed) usageEventSchema.safeParse(e); });
time("object schema", () => { for (const e of parsed) usageEventObjectSchema.safeParse(e); });
time("normalizeUsage", () => { for (const e of parsed) normalizeUsage(e.usage); });
const dt = z.iso.datetime({ offset: true });
time("datetime", () => { for (const e of parsed) dt.safeParse(e.timestamp); });
const txt = z.string().trim().min(1).max(256).refine((s) => !s.includes("\u0000"));
time("text x1", () => { for (const e of parsed) txt.safeParse(e.model); });
const txt2 = z.string().min(1).max(256);
time("plain string x1", () => { for (const e of parsed) txt2.safeParse(e.model); });
const rec = z.record(z.string(), z.unknown());
time("record", () => { for (const e of parsed) rec.safeParse(e.usage); });
