import { z } from "zod";
const s = z.object({ a: z.number().int().min(0), t: z.iso.datetime({ offset: true }) }).strict();
for (const v of [{a: 1.5, t: "2026-01-01T00:00:00Z"}, {a: -1, t: "2026-01-01T00:00:00.123456+02:00"}, {a: 1, t: "2026-02-30T00:00:00Z"}, {a:1, t:"2026-01-01 00:00:00Z"}, {a:1,t:"2026-01-01T00:00:00", x: 1}, {t: 5}]) {
  const r = s.safeParse(v); console.log(JSON.stringify(v), r.success ? "ok" : JSON.stringify(r.error.issues));
}
console.log(new Date("2026-02-30T00:00:00Z").toISOString(), new Date("2026-01-01T00:00:00.123456+02:00").toISOString());
const c = z.object({u: z.unknown()}).transform((v, ctx) => { ctx.addIssue({ code: "custom", message: "m", path: ["u", "x"], params: { rejectCode: "neg" } }); return z.NEVER; });
console.log(JSON.stringify(c.safeParse({u: 1}).error?.issues));
