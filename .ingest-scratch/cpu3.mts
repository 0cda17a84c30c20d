import { z } from "zod";
const vals = Array.from({length: 5000}, (_, i) => "tenant-" + i);
function time(label: string, fn: () => void, reps = 20) { fn(); const t = performance.now(); for (let i = 0; i < reps; i++) fn(); console.log(label.padEnd(30), ((performance.now() - t) / reps / 5000 * 1000).toFixed(3), "µs"); }
const a = z.string().trim().min(1).max(256).refine((s) => !s.includes("\u0000"));
const b = z.string().min(1).max(256);
const c = z.string().check((ctx) => { const s = ctx.value; if (s.length === 0 || s.length > 256 || s.includes("\u0000")) ctx.issues.push({ code: "custom", message: "bad", input: s }); });
const d = z.string().transform((s, ctx) => { const t = s.trim(); if (t.length === 0 || t.length > 256 || t.includes("\u0000")) { ctx.addIssue({ code: "custom", message: "bad" }); return z.NEVER; } return t; });
const e = z.string().trim().min(1).max(256).regex(/^[^\u0000]*$/);
for (let k = 0; k < 2; k++) {
time("trim+min+max+refine", () => { for (const v of vals) a.safeParse(v); });
time("min+max", () => { for (const v of vals) b.safeParse(v); });
time("check", () => { for (const v of vals) c.safeParse(v); });
time("transform", () => { for (const v of vals) d.safeParse(v); });
time("trim+min+max+regex", () => { for (const v of vals) e.safeParse(v); });
}
