/**
 * The load side of `npm run bench:ingest`, run as its own process so the app under test does not share
 * an event loop with its client. Posts batches of fresh events to POST /api/v1/events for a fixed time
 * with a fixed number of requests in flight, and prints one JSON line with what it measured.
 *
 * Bodies are pre-serialised templates whose event ids carry a fixed-width batch tag; each request copies
 * a template and overwrites the tags, so every event is new and the generator costs almost no CPU
 * (it shares the machine with the app and the database).
 */
import { sampleEvents } from "@/lib/ingest/sample-events";

type Options = { url: string; key: string; seconds: number; warmupSeconds: number; batch: number; concurrency: number };

const TAG_WIDTH = 12;
const TAG_PLACEHOLDER = "#".repeat(TAG_WIDTH);

type Template = { bytes: Buffer; offsets: number[] };

function buildTemplates(batch: number, count: number): Template[] {
  return Array.from({ length: count }, (_, t) => {
    const events = sampleEvents(batch, { seed: 1000 + t, idPrefix: TAG_PLACEHOLDER, spanMs: 3 * 3600_000 });
    const bytes = Buffer.from(JSON.stringify({ events }));
    const offsets: number[] = [];
    for (let at = bytes.indexOf(TAG_PLACEHOLDER); at >= 0; at = bytes.indexOf(TAG_PLACEHOLDER, at + TAG_WIDTH)) offsets.push(at);
    return { bytes, offsets };
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(opts: Options) {
  const templates = buildTemplates(opts.batch, 8);
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`.slice(-6);
  let counter = 0;
  const nextBody = () => {
    const t = templates[counter % templates.length]!;
    const tag = (run + (counter++).toString(36).padStart(TAG_WIDTH - run.length, "0")).slice(0, TAG_WIDTH);
    const body = Buffer.from(t.bytes);
    for (const at of t.offsets) body.write(tag, at, "latin1");
    return body;
  };

  const started = performance.now();
  const measureFrom = started + opts.warmupSeconds * 1000;
  const stopAt = measureFrom + opts.seconds * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let accepted = 0;
  let duplicates = 0;
  let rejected = 0;
  let acceptedTotal = 0;

  async function worker() {
    while (performance.now() < stopAt) {
      const body = nextBody();
      const t0 = performance.now();
      let status = "network_error";
      let json: { accepted?: number; duplicates?: number; rejected?: unknown[] } = {};
      try {
        const r = await fetch(opts.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${opts.key}` },
          body,
        });
        status = String(r.status);
        json = (await r.json()) as typeof json;
      } catch {
        // counted as network_error below
      }
      const t1 = performance.now();
      acceptedTotal += json.accepted ?? 0;
      // Only requests that started and finished inside the measured window count for rates and latency.
      if (t0 >= measureFrom && t1 <= stopAt) {
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === "200") latencies.push(t1 - t0);
        accepted += json.accepted ?? 0;
        duplicates += json.duplicates ?? 0;
        rejected += json.rejected?.length ?? 0;
      }
      // Back off as a well-behaved client does on 429/503 or a failed connection.
      if (status !== "200") await new Promise((res) => setTimeout(res, 200));
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const sorted = latencies.sort((a, b) => a - b);
  const result = {
    seconds: opts.seconds,
    batch: opts.batch,
    concurrency: opts.concurrency,
    requests: Object.values(statuses).reduce((a, b) => a + b, 0),
    statuses,
    accepted,
    acceptedTotal,
    duplicates,
    rejected,
    eventsPerSecond: accepted / opts.seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
  };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

const opts = JSON.parse(process.argv[2] ?? "{}") as Options;
main(opts).catch((err) => {
  console.error(err);
  process.exit(1);
});
