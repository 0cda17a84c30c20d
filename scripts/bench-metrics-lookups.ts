// Lookup tables for the benchmark's event generator (scripts/bench-metrics-data.ts): the demo's cast
// (models with catalog prices, features with their model mix and routes, tenants with Zipf weights,
// token sizes from the Azure trace) as small tables in schema bench_gen, so each generated row is a few
// random() draws and hash joins.
import { calcPrice } from "@pydantic/genai-prices";
import type { SqlExecutor } from "@/lib/db/sql";
import { loadAzureTrace } from "@/prisma/seed/azure-trace";
import { FEATURES, MODELS, REGIONS, TENANTS, type ModelKey, type WorkloadClass } from "@/prisma/seed/catalog-of-demo";

export const CLASSES = ["interactive", "batch", "opportunistic"] as const satisfies readonly WorkloadClass[];

export const SLOTS = 20_000;
/** Attempt-1 events per task is 1; retries and fallbacks add ≈ this share (measured on the output). */
export const EXTRA_EVENTS_PER_TASK = 0.015;
const SERVER_ERROR: Record<string, number> = { openai: 0.004, anthropic: 0.006, google: 0.005, "self-hosted": 0.015 };
/** Negotiated discounts, so effective cost differs from list cost as in a real contract. */
const DISCOUNT: Record<string, number> = { openai: 0.15, anthropic: 0.1, google: 0 };

const modelKeys = Object.keys(MODELS) as ModelKey[];
export const modelIndex = (k: ModelKey) => modelKeys.indexOf(k) + 1;

function perMillion(provider: string, model: string, usage: Record<string, number>): number {
  const p = calcPrice({ input_tokens: 0, output_tokens: 0, ...usage }, model, { providerId: provider });
  return p ? Number(p.total_price) : 0;
}

/** Slot tables: `slots` rows (slot → value) drawn in proportion to the weights, so a pick is one equi-join. */
export function slotRows<T>(values: readonly T[], weights: readonly number[], slots = SLOTS): T[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const out: T[] = [];
  let acc = 0;
  for (let i = 0; i < values.length; i++) {
    acc += (weights[i] as number) / total;
    while (out.length < Math.round(acc * slots)) out.push(values[i] as T);
  }
  while (out.length < slots) out.push(values[values.length - 1] as T);
  return out;
}

export async function createLookups(sql: SqlExecutor, o: { tenants: number }): Promise<void> {
  await sql.exec(`DROP SCHEMA IF EXISTS bench_gen CASCADE; CREATE SCHEMA bench_gen;`);

  const models = modelKeys.map((k, i) => {
    const m = MODELS[k] as (typeof MODELS)[ModelKey] & { reasoningRatio?: number; caching?: string; contextLimit?: number };
    const inP = perMillion(m.provider, m.model, { input_tokens: 1e6 });
    return {
      idx: i + 1,
      provider: m.provider,
      name: m.model,
      ttft: m.ttftMs,
      prefill: m.prefillMsPerKToken,
      tps: m.tokensPerSecond,
      reasoning: m.reasoningRatio ?? 0,
      caching: m.caching ?? "none",
      contextLimit: m.contextLimit ?? null,
      inP,
      outP: perMillion(m.provider, m.model, { output_tokens: 1e6 }),
      crP: perMillion(m.provider, m.model, { input_tokens: 1e6, cache_read_tokens: 1e6 }),
      cwP: perMillion(m.provider, m.model, { input_tokens: 1e6, cache_write_tokens: 1e6 }),
      priced: inP > 0,
      discount: DISCOUNT[m.provider] ?? 0,
      serverErr: SERVER_ERROR[m.provider] ?? 0.005,
    };
  });
  await sql.query(
    `CREATE TABLE bench_gen.model AS SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::float8[],
       $7::float8[], $8::text[], $9::int[], $10::numeric[], $11::numeric[], $12::numeric[], $13::numeric[], $14::bool[], $15::numeric[], $16::float8[])
       AS t(idx, provider, name, ttft, prefill, tps, reasoning, caching, context_limit, in_p, out_p, cr_p, cw_p, priced, discount, server_err)`,
    [
      models.map((m) => m.idx),
      models.map((m) => m.provider),
      models.map((m) => m.name),
      models.map((m) => m.ttft),
      models.map((m) => m.prefill),
      models.map((m) => m.tps),
      models.map((m) => m.reasoning),
      models.map((m) => m.caching),
      models.map((m) => m.contextLimit),
      models.map((m) => m.inP),
      models.map((m) => m.outP),
      models.map((m) => m.crP),
      models.map((m) => m.cwP),
      models.map((m) => m.priced),
      models.map((m) => m.discount),
      models.map((m) => m.serverErr),
    ],
  );

  const features = FEATURES.map((f, i) => ({ ...f, idx: i + 1 }));
  await sql.query(
    `CREATE TABLE bench_gen.feature AS SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::int[], $7::int[])
       AS t(idx, name, class, kind, streaming, max_attempts, timeout_ms)`,
    [
      features.map((f) => f.idx),
      features.map((f) => f.name),
      features.map((f) => f.workloadClass),
      features.map((f) => f.trace),
      features.map((f) => f.streaming),
      features.map((f) => f.maxAttempts),
      features.map((f) => f.timeoutMs),
    ],
  );
  // Features by workload class: a chunk draws its tasks class by class (see planChunks).
  await sql.exec(`CREATE TABLE bench_gen.feature_slot (class text, slot int, feature int)`);
  for (const cls of CLASSES) {
    const inClass = features.filter((f) => f.workloadClass === cls);
    const slots = slotRows(
      inClass.map((f) => f.idx),
      inClass.map((f) => f.weight),
      1000,
    );
    await sql.query(`INSERT INTO bench_gen.feature_slot SELECT $1, s - 1, f FROM unnest($2::int[]) WITH ORDINALITY AS t(f, s)`, [
      cls,
      slots,
    ]);
  }

  // Per feature: 100 model slots, its routes, and its fallback per provider.
  const choice: { feature: number; slot: number; model: number; sent: string }[] = [];
  const routes: { feature: number; k: number; name: string }[] = [];
  const fallbacks: { feature: number; provider: string; model: number; sent: string }[] = [];
  for (const f of features) {
    slotRows(
      f.models,
      f.models.map((m) => m.weight),
      100,
    ).forEach((c, slot) => choice.push({ feature: f.idx, slot, model: modelIndex(c.key), sent: c.as ?? MODELS[c.key].model }));
    f.routes.forEach((name, k) => routes.push({ feature: f.idx, k, name }));
    for (const [provider, c] of Object.entries(f.fallbacks))
      fallbacks.push({ feature: f.idx, provider, model: modelIndex(c.key), sent: c.as ?? MODELS[c.key].model });
  }
  await sql.query(
    `CREATE TABLE bench_gen.choice AS SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[]) AS t(feature, slot, model, sent)`,
    [choice.map((c) => c.feature), choice.map((c) => c.slot), choice.map((c) => c.model), choice.map((c) => c.sent)],
  );
  await sql.query(`CREATE TABLE bench_gen.route AS SELECT * FROM unnest($1::int[], $2::int[], $3::text[]) AS t(feature, k, name)`, [
    routes.map((r) => r.feature),
    routes.map((r) => r.k),
    routes.map((r) => r.name),
  ]);
  await sql.query(
    `CREATE TABLE bench_gen.fallback AS SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::text[]) AS t(feature, provider, model, sent)`,
    [fallbacks.map((r) => r.feature), fallbacks.map((r) => r.provider), fallbacks.map((r) => r.model), fallbacks.map((r) => r.sent)],
  );
  await sql.exec(`ALTER TABLE bench_gen.feature ADD COLUMN n_routes int;
    UPDATE bench_gen.feature f SET n_routes = (SELECT count(*) FROM bench_gen.route r WHERE r.feature = f.idx);`);

  // The demo's 40 named tenants first (by size), then generated ones in the long tail; Zipf 1/rank^1.1.
  const tenants = Array.from({ length: o.tenants }, (_, i) => ({
    idx: i + 1,
    name: TENANTS[i]?.name ?? `tenant-${String(i + 1).padStart(3, "0")}`,
    region: TENANTS[i]?.region ?? REGIONS[i % REGIONS.length]!,
  }));
  await sql.query(`CREATE TABLE bench_gen.tenant AS SELECT * FROM unnest($1::int[], $2::text[], $3::text[]) AS t(idx, name, region)`, [
    tenants.map((t) => t.idx),
    tenants.map((t) => t.name),
    tenants.map((t) => t.region),
  ]);
  const tenantSlots = slotRows(
    tenants.map((t) => t.idx),
    tenants.map((_, i) => 1 / Math.pow(i + 1, 1.1)),
  );
  await sql.query(
    `CREATE TABLE bench_gen.tenant_slot AS SELECT s - 1 AS slot, t AS tenant FROM unnest($1::int[]) WITH ORDINALITY AS x(t, s)`,
    [tenantSlots],
  );

  // Token sizes: (context, generated) pairs of the Azure trace, sampled per workload kind.
  const trace = loadAzureTrace();
  await sql.exec(`CREATE TABLE bench_gen.tokens (kind text, slot int, context int, generated int)`);
  for (const kind of ["code", "conv"] as const) {
    const w = trace[kind];
    const n = Math.min(w.context.length, SLOTS);
    const step = w.context.length / n;
    const ctx: number[] = [];
    const gen: number[] = [];
    for (let i = 0; i < n; i++) {
      const j = Math.floor(i * step);
      ctx.push(w.context[j] as number);
      gen.push(w.generated[j] as number);
    }
    await sql.query(`INSERT INTO bench_gen.tokens SELECT $1, s - 1, c, g FROM unnest($2::int[], $3::int[]) WITH ORDINALITY AS t(c, g, s)`, [
      kind,
      ctx,
      gen,
    ]);
  }
  await sql.exec(`CREATE TABLE bench_gen.token_n AS SELECT kind, count(*)::int AS n FROM bench_gen.tokens GROUP BY kind;
    ANALYZE bench_gen.model; ANALYZE bench_gen.feature; ANALYZE bench_gen.feature_slot; ANALYZE bench_gen.choice; ANALYZE bench_gen.route;
    ANALYZE bench_gen.fallback; ANALYZE bench_gen.tenant; ANALYZE bench_gen.tenant_slot; ANALYZE bench_gen.tokens;`);
}
