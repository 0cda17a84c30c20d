// Generates millions of realistic usage events straight into usage_events with set-based SQL, for
// `npm run bench:metrics`. The cast (providers, models, features, routes, tenants, regions) and the
// shapes (diurnal class intensity, growth, retries, fallbacks, throttle bursts, a latency regression,
// token sizes drawn from the Azure trace) follow the demo generator (prisma/seed); only the volume and
// the tenant count differ. Everything the draws need lives in small lookup tables in schema bench_gen,
// so each row costs a few random() calls and hash joins: ~10M rows in a few minutes on 2 cores.
import type { Sql, SqlExecutor } from "@/lib/db/sql";
import { FEATURES, MODELS, STORIES, TENANTS, type WorkloadClass } from "@/prisma/seed/catalog-of-demo";
import { classIntensity, growth } from "@/prisma/seed/demo-arrivals";
import { CLASSES, createLookups, EXTRA_EVENTS_PER_TASK, modelIndex, SLOTS, slotRows } from "./bench-metrics-lookups";

export type BenchDataOptions = {
  workspaceId: number;
  /** Events wanted; the result is within ~1% (retries and fallbacks are drawn). */
  events: number;
  days: number;
  end: Date;
  seed: number;
  tenants: number;
  /** Parallel connections generating chunks (Postgres only). */
  parallel?: number;
  log?: (message: string) => void;
};

const HOUR = 3_600_000;

const N = `sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())`;

/**
 * One model call per row of `calls` (task fields + model + attempt + ts + fallback_from), simulated as
 * the demo does: throttle/overload/context errors first (no tokens), else prompt caching, reasoning,
 * queue + TTFT + decode latency with lognormal noise, a regression tail, timeouts, filters and cancels.
 */
function simulateSql(workspaceId: number, regressionFrom: string): string {
  return `
  SELECT ${workspaceId} AS workspace_id, ts, 'b' || lpad(task::text, 9, '0') || '-' || attempt AS event_id, provider, sent AS model, region, tenant, fname AS feature,
         route, class AS workload_class, 't' || task AS task_id, attempt, fallback_from,
         CASE WHEN outcome LIKE 'error:%' THEN 'error' ELSE outcome END AS status,
         CASE WHEN outcome = 'throttled' THEN 'rate_limit' WHEN outcome LIKE 'error:%' THEN substr(outcome, 7)
              WHEN outcome = 'timeout' THEN 'timeout' WHEN outcome = 'filtered' THEN 'content_filter'
              WHEN outcome = 'cancelled' THEN 'client_cancelled' END AS error_type,
         (CASE WHEN outcome = 'throttled' THEN 429 WHEN outcome = 'error:overloaded' THEN 529 WHEN outcome = 'error:server_error' THEN 503
              WHEN outcome LIKE 'error:%' THEN 400 WHEN outcome = 'timeout' THEN NULL WHEN outcome = 'cancelled' THEN 499 ELSE 200 END)::smallint AS http_status,
         in_tok AS input_tokens, out_tok AS output_tokens,
         CASE WHEN in_tok > 0 THEN cache_read ELSE 0 END AS cache_read_tokens,
         CASE WHEN in_tok > 0 THEN cache_write ELSE 0 END AS cache_write_tokens,
         CASE WHEN in_tok > 0 THEN reasoning_tokens ELSE 0 END AS reasoning_tokens,
         latency AS latency_ms,
         CASE WHEN streaming AND in_tok > 0 AND ttft_f < latency THEN round(ttft_f)::int END AS ttft_ms,
         queue_ms,
         round(((in_tok - CASE WHEN in_tok > 0 THEN cache_read + cache_write ELSE 0 END) * in_p
               + CASE WHEN in_tok > 0 THEN cache_read * cr_p + cache_write * cw_p ELSE 0 END + out_tok * out_p) / 1000000, 10) AS list_cost_usd,
         round(((in_tok - CASE WHEN in_tok > 0 THEN cache_read + cache_write ELSE 0 END) * in_p
               + CASE WHEN in_tok > 0 THEN cache_read * cr_p + cache_write * cw_p ELSE 0 END + out_tok * out_p) / 1000000 * (1 - discount), 10) AS effective_cost_usd,
         priced,
         outcome IN ('throttled', 'timeout', 'error:server_error', 'error:overloaded') AS retryable,
         outcome = 'error:context_length_exceeded' AS must_switch,
         task, c_feature AS feature_idx, c_model AS model_idx, ctx, gen, latency + 0 AS latency_total, outcome = 'ok' AS ok
  FROM (
    SELECT s.*,
      CASE WHEN outcome = 'throttled' OR outcome LIKE 'error:%' THEN 0 ELSE ctx END AS in_tok,
      CASE WHEN outcome = 'throttled' OR outcome LIKE 'error:%' THEN 0
           WHEN outcome = 'ok' THEN gen + reasoning_tokens
           ELSE floor(gen * r_done * 0.8)::int + reasoning_tokens END AS out_tok,
      CASE WHEN outcome = 'throttled' THEN queue_ms + 40 + (random() * 210)::int
           WHEN outcome LIKE 'error:%' THEN queue_ms + 200 + (random() * 1800)::int
           WHEN outcome = 'timeout' THEN timeout_ms + (random() * 250)::int
           WHEN outcome = 'ok' THEN round(queue_ms + ttft_f + decode_f)::int
           ELSE round(queue_ms + ttft_f + decode_f * r_done)::int END AS latency
    FROM (
    SELECT l.*,
      CASE WHEN early IS NOT NULL THEN early
           WHEN queue_ms + ttft_f + decode_f > timeout_ms OR r_end < 0.0015 THEN 'timeout'
           WHEN kind = 'conv' AND r_end < 0.0040 THEN 'filtered'
           WHEN streaming AND r_end < 0.0120 THEN 'cancelled'
           ELSE 'ok' END AS outcome
    FROM (
    SELECT o.*,
      (ttft * exp(0.3 * ${N}) + ctx / 1000.0 * prefill * exp(0.2 * ${N}) + reasoning_tokens / tps_now * 1000) * slow AS ttft_f,
      gen / tps_now * 1000 * CASE WHEN slow > 1 THEN 0.6 * slow ELSE 1 END AS decode_f,
      random() AS r_end, random() AS r_done
    FROM (
    SELECT c.*,
      CASE WHEN r_status < p_thr THEN 'throttled'
           WHEN r_status < p_thr + server_err THEN 'error:' || CASE WHEN provider = 'anthropic' THEN 'overloaded' ELSE 'server_error' END
           WHEN context_limit IS NOT NULL AND ctx > context_limit THEN 'error:context_length_exceeded'
           WHEN r_status < p_thr + server_err + 0.0005 THEN 'error:invalid_request'
           ELSE NULL END AS early,
      CASE WHEN caching = 'explicit' AND ctx >= 1024 AND r_cache < 0.65 THEN floor(ctx * (0.4 + 0.5 * r_prefix))
           WHEN caching = 'automatic' AND ctx >= 1024 AND r_cache < 0.45 THEN floor(ctx * (0.4 + 0.5 * r_prefix) / 128) * 128
           ELSE 0 END::int AS cache_read,
      CASE WHEN caching = 'explicit' AND ctx >= 1024 AND r_cache >= 0.65 AND r_cache < 0.86 THEN floor(ctx * (0.4 + 0.5 * r_prefix)) ELSE 0 END::int AS cache_write,
      CASE WHEN reasoning > 0 THEN round(gen * reasoning * exp(0.5 * ${N})) ELSE 0 END::int AS reasoning_tokens,
      tps * exp(0.15 * ${N}) AS tps_now,
      CASE WHEN mname LIKE 'claude-sonnet-4%' AND ts >= '${regressionFrom}'::timestamptz AND random() < 0.3 THEN 3 + 3 * random() ELSE 1 END AS slow
    FROM (
    SELECT c.*, c.feature AS c_feature, c.model AS c_model, m.provider, m.name AS mname, m.ttft, m.prefill, m.tps, m.reasoning, m.caching, m.context_limit,
           m.in_p, m.out_p, m.cr_p, m.cw_p, m.priced, m.discount, m.server_err,
           f.name AS fname, f.class, f.kind, f.streaming, f.timeout_ms,
           random() AS r_status, random() AS r_tail, random() AS r_cache, random() AS r_prefix,
           0.004 + CASE WHEN m.provider = '${STORIES.throttleProvider}'
                         AND abs(hashint4(floor(extract(epoch FROM c.ts) / 3600)::int)) % 40 = 0 THEN 0.25 ELSE 0 END AS p_thr,
           round(CASE WHEN f.class = 'interactive' THEN exp(ln(4) + 0.6 * ${N}) ELSE exp(ln(150) + ${N}) END
                 * CASE WHEN m.provider = 'self-hosted' THEN 3 ELSE 1 END)::int AS queue_ms
      FROM calls c JOIN bench_gen.model m ON m.idx = c.model JOIN bench_gen.feature f ON f.idx = c.feature
    ) AS c
    ) AS o
    ) AS l
    ) AS s
  ) AS u`;
}

const EVENT_COLUMNS = `workspace_id, ts, event_id, provider, model, region, tenant, feature, route, workload_class, task_id, attempt,
  fallback_from, status, error_type, http_status, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens,
  latency_ms, ttft_ms, queue_ms, list_cost_usd, effective_cost_usd, priced`;

/**
 * A time window of the range with its tasks per workload class: [lo, hi] task ids and per hour of the
 * window the class's expected share, so arrivals follow the demo's intensity and one chunk only touches
 * a few days of the table (index inserts stay local instead of spraying over 90 days).
 */
type Chunk = { index: number; parts: { cls: WorkloadClass; lo: number; hi: number; hours: number[]; weights: number[] }[] };

const CHUNK_HOURS = 72;

function planChunks(o: BenchDataOptions, tasks: number): Chunk[] {
  const start = o.end.getTime() - o.days * 86_400_000;
  const hours = Math.ceil((o.days * 86_400_000) / HOUR);
  const share = Object.fromEntries(
    CLASSES.map((c) => [c, FEATURES.filter((f) => f.workloadClass === c).reduce((s, f) => s + f.weight, 0)]),
  );
  const totalShare = CLASSES.reduce((s, c) => s + (share[c] as number), 0);
  const weight = (cls: WorkloadClass, h: number) => {
    const mid = start + h * HOUR + HOUR / 2;
    return classIntensity(cls, mid) * growth(mid, start, o.end.getTime());
  };
  const classTotal = Object.fromEntries(
    CLASSES.map((c) => [c, Array.from({ length: hours }, (_, h) => weight(c, h)).reduce((s, w) => s + w, 0)]),
  );
  const chunks: Chunk[] = [];
  let next = 1;
  for (let h0 = 0, index = 0; h0 < hours; h0 += CHUNK_HOURS, index++) {
    const hs = Array.from({ length: Math.min(CHUNK_HOURS, hours - h0) }, (_, i) => h0 + i);
    const parts = CLASSES.map((cls) => {
      const weights = hs.map((h) => weight(cls, h));
      const n = Math.round(
        (tasks * (share[cls] as number) * weights.reduce((s, w) => s + w, 0)) / totalShare / (classTotal[cls] as number),
      );
      const part = { cls, lo: next, hi: next + n - 1, hours: hs, weights };
      next += n;
      return part;
    });
    chunks.push({ index, parts });
  }
  return chunks;
}

/** One chunk: attempt 1 of its tasks, then retries of retryable failures, then one fallback call. */
async function generateChunk(tx: SqlExecutor, o: BenchDataOptions, chunk: Chunk): Promise<number> {
  const start = new Date(o.end.getTime() - o.days * 86_400_000);
  const spikeFrom = new Date(o.end.getTime() - STORIES.spikeDays * 86_400_000).toISOString();
  const regressionFrom = new Date(o.end.getTime() - STORIES.regressionDays * 86_400_000).toISOString();
  const endIso = o.end.toISOString();
  const spikeTenant = TENANTS.findIndex((t) => t.name === STORIES.spikeTenant) + 1;
  const spikeFeature = FEATURES.findIndex((f) => f.name === "agent-workflows") + 1;
  await tx.query(`SELECT setseed($1)`, [((o.seed * 7919 + chunk.index) % 10_000) / 10_000]);
  await tx.exec(`SET LOCAL synchronous_commit = off; SET LOCAL jit = off; CREATE TEMP TABLE task (task int, ts timestamptz, feature int, model int, sent text,
    tenant text, region text, route text, ctx int, gen int, attempt int, fallback_from text) ON COMMIT DROP`);
  // Attempt 1 of each task: hour of the window (by the class's intensity), feature, tenant, model, route, tokens.
  for (const part of chunk.parts) {
    if (part.hi < part.lo) continue;
    const hourSlots = slotRows(part.hours, part.weights, 2_000);
    await tx.query(
      `INSERT INTO task
       WITH d AS (
         SELECT i AS task, (random() * 1000)::int % 1000 AS fs, (random() * ${SLOTS})::int % ${SLOTS} AS ts_slot,
                ($6::int[])[1 + (random() * 2000)::int % 2000] AS hour, random() AS r_sec, (random() * 100)::int % 100 AS model_slot,
                random() AS r_route, random() AS r_tok, random() AS r_spike
           FROM generate_series($1::int, $2::int) AS i
       ), p AS (
         SELECT d.*, fsl.feature AS f0, $3::timestamptz + (d.hour * 3600 + d.r_sec * 3600) * interval '1 second' AS ts0
           FROM d JOIN bench_gen.feature_slot fsl ON fsl.class = $7 AND fsl.slot = d.fs
       ), q AS (
         SELECT p.*, (ts0 >= $4::timestamptz AND r_spike < 0.08) AS spike FROM p
       )
       SELECT q.task, least(q.ts0, $5::timestamptz - interval '1 millisecond') AS ts,
              CASE WHEN spike THEN ${spikeFeature} ELSE q.f0 END AS feature,
              CASE WHEN spike THEN ${modelIndex(STORIES.spikeModel)} ELSE ch.model END AS model,
              CASE WHEN spike THEN '${MODELS[STORIES.spikeModel].model}' ELSE ch.sent END AS sent,
              CASE WHEN spike THEN (SELECT name FROM bench_gen.tenant WHERE idx = ${spikeTenant})
                   WHEN f.name = 'eval-runs' THEN NULL ELSE t.name END AS tenant,
              CASE WHEN spike THEN (SELECT region FROM bench_gen.tenant WHERE idx = ${spikeTenant})
                   WHEN f.name = 'eval-runs' THEN 'us-east' ELSE t.region END AS region,
              r.name AS route, tk.context AS ctx, tk.generated AS gen, 1 AS attempt, NULL::text AS fallback_from
         FROM q
         JOIN bench_gen.feature f ON f.idx = CASE WHEN q.spike THEN ${spikeFeature} ELSE q.f0 END
         JOIN bench_gen.choice ch ON ch.feature = q.f0 AND ch.slot = q.model_slot
         JOIN bench_gen.tenant_slot tsl ON tsl.slot = q.ts_slot JOIN bench_gen.tenant t ON t.idx = tsl.tenant
         JOIN bench_gen.route r ON r.feature = f.idx AND r.k = floor(q.r_route * f.n_routes)::int
         JOIN bench_gen.token_n tn ON tn.kind = f.kind
         JOIN bench_gen.tokens tk ON tk.kind = f.kind AND tk.slot = floor(q.r_tok * tn.n)::int`,
      [part.lo, part.hi, start.toISOString(), spikeFrom, endIso, hourSlots, part.cls],
    );
  }
  let total = 0;
  await tx.exec(`CREATE TEMP TABLE calls ON COMMIT DROP AS SELECT * FROM task`);
  for (let round = 1; round <= 3; round++) {
    const t0 = Date.now();
    await tx.exec(
      `DROP TABLE IF EXISTS sim_out; CREATE TEMP TABLE sim_out ON COMMIT DROP AS ${simulateSql(o.workspaceId, regressionFrom)}`,
    );
    const t1 = Date.now();
    const [ins] = await tx.query<{ n: number }>(
      `WITH ins AS (INSERT INTO usage_events (${EVENT_COLUMNS}) SELECT ${EVENT_COLUMNS} FROM sim_out WHERE ts < $1::timestamptz ORDER BY ts RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [endIso],
    );
    total += ins?.n ?? 0;
    if (process.env.BENCH_TRACE) console.log(`round ${round}: sim ${t1 - t0} ms, insert ${ins?.n} in ${Date.now() - t1} ms`);
    if (round === 3) break;
    // Next round: a retry of retryable failures (same model, after backoff) while attempts remain,
    // otherwise one fallback call on the feature's fallback for that provider.
    await tx.exec(`DROP TABLE calls; CREATE TEMP TABLE calls ON COMMIT DROP AS
      SELECT s.task, s.ts + ((s.latency_total + 500 + random() * 3000) * interval '1 millisecond') AS ts, s.feature_idx AS feature,
             CASE WHEN retry THEN s.model_idx ELSE fb.model END AS model, CASE WHEN retry THEN s.model ELSE fb.sent END AS sent,
             s.tenant, s.region, s.route, s.ctx, s.gen, s.attempt + 1 AS attempt,
             CASE WHEN retry THEN s.fallback_from ELSE s.provider || '/' || s.model END AS fallback_from
        FROM (SELECT sim_out.*, retryable AND fallback_from IS NULL AND attempt < f.max_attempts AND attempt < 2 AS retry
                FROM sim_out JOIN bench_gen.feature f ON f.idx = sim_out.feature_idx
               WHERE NOT ok AND fallback_from IS NULL AND (retryable OR must_switch)) s
        LEFT JOIN bench_gen.fallback fb ON fb.feature = s.feature_idx AND fb.provider = s.provider
       WHERE s.retry OR fb.model IS NOT NULL`);
  }
  return total;
}

/** Generates the events; returns how many were stored. Chunks run on `parallel` connections at once. */
export async function generateBenchEvents(sql: Sql, o: BenchDataOptions): Promise<number> {
  const log = o.log ?? (() => {});
  await createLookups(sql, o);
  const tasks = Math.round(o.events / (1 + EXTRA_EVENTS_PER_TASK));
  const chunks = planChunks(o, tasks);
  let stored = 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < chunks.length; i = next++) {
      const chunk = chunks[i]!;
      const n = await sql.transaction((tx) => generateChunk(tx, o, chunk));
      stored += n;
      log(`  chunk ${chunk.index + 1}/${chunks.length}: ${stored.toLocaleString("en-US")} events`);
    }
  };
  await Promise.all(Array.from({ length: sql.kind === "postgres" ? (o.parallel ?? 2) : 1 }, worker));
  await sql.exec(`DROP SCHEMA bench_gen CASCADE`);
  return stored;
}
