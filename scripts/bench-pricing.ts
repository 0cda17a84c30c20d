// `npm run bench:pricing`: quotes 100,000 usages in one process with the engine ingestion uses and prints
// usages/s. Runs against DATABASE_URL when set, else a throw-away in-memory PGlite (never the app's data
// directory). Three paths: priceEvents in ingest-sized batches of 5,000 (the hot path), the quote path
// one usage at a time (normalizeUsage + priceEvents, as POST /api/v1/prices/quote), and the pure
// costing function alone.
import { performance } from "node:perf_hooks";
import { resolveDbConfig } from "@/lib/db/config";
import { openDatabase } from "@/lib/db/open-database";
import { normalizeUsage } from "@/lib/pricing/normalize-usage";
import { costEvent } from "@/lib/pricing/cost-event";
import { loadPricing } from "@/lib/pricing/load-pricing";
import { priceEvents, type PricingInput } from "@/lib/pricing/price-events";
import { createRng } from "@/prisma/seed/prng";

const N = Number(process.env.BENCH_USAGES ?? 100_000);
const BATCH = 5_000;
const QUOTE_SAMPLE = Math.min(N, Number(process.env.BENCH_QUOTES ?? 10_000));

// A realistic mix: direct providers, cloud names, snapshots, gateways and a few unknown models.
const MODELS: [string, string][] = [
  ["openai", "gpt-4o-2024-08-06"],
  ["openai", "gpt-4o-mini"],
  ["openai", "gpt-5.4"],
  ["openai", "o3"],
  ["anthropic", "claude-sonnet-4-5-20250929"],
  ["anthropic", "claude-3-5-haiku-20241022"],
  ["bedrock", "us.anthropic.claude-sonnet-4-20250514-v1:0"],
  ["vertex", "gemini-2.5-pro"],
  ["azure", "gpt-4o"],
  ["litellm", "anthropic/claude-opus-4-1-20250805"],
  ["deepseek", "deepseek-chat"],
  ["acme", "house-model-v2"],
];

const rng = createRng("bench-pricing");
const start = Date.parse("2026-10-01T00:00:00Z");
const items: PricingInput[] = Array.from({ length: N }, () => {
  const [provider, model] = rng.pick(MODELS);
  const inputTokens = Math.round(rng.lognormal(8, 1.4));
  const cacheReadTokens = rng.chance(0.4) ? Math.floor(inputTokens * rng.uniform(0, 0.9)) : 0;
  const cacheWriteTokens = rng.chance(0.2) ? Math.floor((inputTokens - cacheReadTokens) * rng.uniform(0, 0.5)) : 0;
  const outputTokens = Math.round(rng.lognormal(6, 1.1));
  return {
    provider,
    model,
    timestamp: new Date(start + Math.floor(rng.uniform(0, 50 * 86_400_000))),
    usage: {
      inputTokens,
      outputTokens,
      cacheReadTokens,
      cacheWriteTokens,
      cacheWrite1hTokens: rng.chance(0.3) ? Math.floor(cacheWriteTokens / 2) : 0,
      reasoningTokens: rng.chance(0.3) ? Math.floor(outputTokens * 0.5) : 0,
    },
    workloadClass: rng.chance(0.1) ? "batch" : "interactive",
  };
});

const config = resolveDbConfig();
const db = await openDatabase(config.kind === "postgres" ? config : { kind: "pglite", dataDir: null }, "bench:pricing");
const ws = await db.prisma.workspace.create({ data: { slug: `bench-pricing-${Date.now().toString(36)}`, name: "bench pricing" } });
try {
  await loadPricing(db, ws.id); // catalog load is a one-off at start-up, not part of the measurement

  const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString("en-US")} usages/s`;

  let t = performance.now();
  let priced = 0;
  for (let i = 0; i < N; i += BATCH) {
    const out = await priceEvents(db, ws.id, items.slice(i, i + BATCH));
    priced += out.filter((c) => c.priced).length;
  }
  const batchMs = performance.now() - t;
  console.log(
    `priceEvents, batches of ${BATCH.toLocaleString("en-US")}: ${N.toLocaleString("en-US")} usages in ${batchMs.toFixed(0)} ms = ${rate(N, batchMs)} (${priced.toLocaleString("en-US")} priced, ${(N - priced).toLocaleString("en-US")} unknown)`,
  );

  t = performance.now();
  for (let i = 0; i < QUOTE_SAMPLE; i++) {
    const it = items[i]!;
    await priceEvents(db, ws.id, [{ ...it, usage: normalizeUsage(it.usage) }]);
  }
  const quoteMs = performance.now() - t;
  console.log(
    `quote path, one usage per call: ${QUOTE_SAMPLE.toLocaleString("en-US")} usages in ${quoteMs.toFixed(0)} ms = ${rate(QUOTE_SAMPLE, quoteMs)}`,
  );

  const { catalog, terms } = await loadPricing(db, ws.id);
  t = performance.now();
  for (const it of items) costEvent(catalog.index, terms, it);
  const pureMs = performance.now() - t;
  console.log(`pure costing function: ${N.toLocaleString("en-US")} usages in ${pureMs.toFixed(0)} ms = ${rate(N, pureMs)}`);
  console.log(`database: ${config.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : "in-memory PGlite"}`);
} finally {
  await db.prisma.workspace.delete({ where: { id: ws.id } }).catch(() => undefined);
  await db.close();
}
