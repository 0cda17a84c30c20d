// `npm run bench:pages`: how fast each dashboard page's server HTML is ready on the demo dataset, against
// an app that is already running (start it like the e2e run does, e.g.
//   PORT=3150 UNITSCOPE_DATA_DIR=/tmp/us-bench node scripts/start.mjs
// then `BENCH_BASE_URL=http://localhost:3150 npm run bench:pages`).
// Signs in as the demo user through next-auth's credentials endpoint, warms each page once, then times
// BENCH_RUNS full responses per page (until the last byte of the streamed HTML: every Suspense card has
// rendered) and prints median and p95 per page against the 1 s target. Exit code 1 when a page misses it.
import { performance } from "node:perf_hooks";

const base = (process.env.BENCH_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 10));
const targetMs = Number(process.env.BENCH_TARGET_MS ?? 1000);
const email = process.env.BENCH_EMAIL ?? "demo@unitscope.dev";
const password = process.env.BENCH_PASSWORD ?? process.env.UNITSCOPE_DEMO_PASSWORD ?? "unitscope-demo";
const ranges = (process.env.BENCH_RANGES ?? "7d,30d")
  .split(",")
  .map((r) => r.trim())
  .filter(Boolean);

type Cookies = Map<string, string>;

function remember(jar: Cookies, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

function header(jar: Cookies): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function signIn(): Promise<Cookies> {
  const jar: Cookies = new Map();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf → ${csrfRes.status}: is the app running at ${base}?`);
  remember(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/overview`, json: "true" }),
  });
  remember(jar, res);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`sign-in as ${email} failed (HTTP ${res.status}); is the demo seeded?`);
  return jar;
}

/** Time to the last byte of the page, and to its first byte. Fails on a redirect (session lost) or an error. */
async function timePage(jar: Cookies, path: string): Promise<{ totalMs: number; firstByteMs: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { cookie: header(jar), accept: "text/html" }, redirect: "manual" });
  const firstByteMs = performance.now() - t0;
  if (res.status !== 200)
    throw new Error(`GET ${path} → ${res.status}${res.headers.get("location") ? ` (to ${res.headers.get("location")})` : ""}`);
  const body = await res.text();
  const totalMs = performance.now() - t0;
  if (body.includes("This card could not be loaded")) throw new Error(`GET ${path}: a card failed to load (see the server log)`);
  return { totalMs, firstByteMs, bytes: body.length };
}

function percentile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/** The first drill-down link on a ranking page, so the bench follows real tenants/features of the demo. */
async function firstLink(jar: Cookies, listPath: string, prefix: string): Promise<string | null> {
  const res = await fetch(`${base}${listPath}`, { headers: { cookie: header(jar) } });
  const html = await res.text();
  const m = html.match(new RegExp(`href="(${prefix}/[^"?]+)`));
  return m?.[1] ?? null;
}

async function main() {
  const jar = await signIn();
  const paths: string[] = [];
  for (const range of ranges) {
    const q = `?range=${encodeURIComponent(range)}`;
    for (const p of ["/overview", "/spend", "/reliability", "/tenants", "/features", "/vendors"]) paths.push(p + q);
  }
  const tenant = await firstLink(jar, "/tenants", "/tenants");
  const feature = await firstLink(jar, "/features", "/features");
  if (tenant) paths.push(tenant);
  if (feature) paths.push(feature);

  console.log(`bench:pages — ${base}, ${runs} runs per page after one warm-up, target ${targetMs} ms (full HTML)\n`);
  console.log(`${"page".padEnd(44)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"ttfb p50".padStart(9)} ${"KB".padStart(6)}  result`);
  let misses = 0;
  for (const path of paths) {
    await timePage(jar, path); // warm-up: compiles nothing in production, but fills connection pools and caches
    const totals: number[] = [];
    const firsts: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const r = await timePage(jar, path);
      totals.push(r.totalMs);
      firsts.push(r.firstByteMs);
      bytes = r.bytes;
    }
    totals.sort((a, b) => a - b);
    firsts.sort((a, b) => a - b);
    const p95 = percentile(totals, 0.95);
    const ok = p95 <= targetMs;
    if (!ok) misses++;
    console.log(
      `${path.padEnd(44)} ${percentile(totals, 0.5).toFixed(0).padStart(6)}ms ${p95.toFixed(0).padStart(6)}ms ${percentile(firsts, 0.5).toFixed(0).padStart(7)}ms ${(bytes / 1024).toFixed(0).padStart(6)}  ${ok ? "ok" : "SLOW"}`,
    );
  }
  console.log(`\n${paths.length - misses}/${paths.length} pages within ${targetMs} ms at p95`);
  process.exit(misses > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(`bench:pages failed: ${err instanceof Error ? err.message : err}`);
  process.exit(2);
});
