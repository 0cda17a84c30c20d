/**
 * Limits of the ingestion path, in one place. The time-window limits are read from the environment on
 * each call so tests and operators can change them without a rebuild.
 *
 * | variable                              | default | meaning                                                    |
 * | ------------------------------------- | ------- | ---------------------------------------------------------- |
 * | UNITSCOPE_RETENTION_DAYS              | 400     | events older than this are refused (timestamp_too_old)     |
 * | UNITSCOPE_INGEST_MAX_FUTURE_SECONDS   | 600     | clock skew tolerated ahead of the server (timestamp_in_future) |
 * | UNITSCOPE_INGEST_CONCURRENCY          | 4       | ingest requests processed at once per server process       |
 * | UNITSCOPE_INGEST_QUEUE                | 16      | requests allowed to wait for a slot; more → 429            |
 * | UNITSCOPE_INGEST_QUEUE_WAIT_MS        | 5000    | longest wait for a slot before 429                         |
 * | UNITSCOPE_INGEST_KEY_CONCURRENCY      | slots−1 | slots one API key may hold at once (at least 1)            |
 * | UNITSCOPE_INGEST_BODY_TIMEOUT_MS      | 30000   | a body still arriving after this → 408 (frees the slot)    |
 */

/** Per request, both REST and OTLP (spans). */
export const MAX_EVENTS_PER_REQUEST = 5_000;
/** Decompressed body size per request; checked while streaming, so no more is ever buffered. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** One model call longer than a day is a unit mistake (seconds vs ms), not a slow call. Batch APIs included. */
export const MAX_LATENCY_MS = 24 * 60 * 60 * 1000;
// Token counts are bounded where usage is normalised (pricing owns usage shapes).
export { MAX_TOKENS } from "@/lib/pricing/usage";
/** A single call costing more than this is a unit mistake (micro-dollars vs dollars). */
export const MAX_COST_USD = 100_000;
/** Serialized size of `metadata`; analytics metadata, not payload storage. */
export const MAX_METADATA_BYTES = 16 * 1024;
/**
 * Nesting of `metadata` (the object itself is level 1). Deeper JSON is not analytics metadata, and a
 * few thousand levels overflow the stack of JSON.stringify (issue 10: one such item failed its batch).
 */
export const MAX_METADATA_DEPTH = 32;
/** Length of identifiers and dimension values (id, provider, model, tenant, …). */
export const MAX_TEXT_LENGTH = 256;
/** Highest `attempt`: retries beyond this are a client bug. */
export const MAX_ATTEMPT = 1_000;

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** A client trickling its body must not hold an ingest slot for minutes: 5 MB in 30 s is 170 KB/s. */
export function bodyTimeoutMs(): number {
  return Math.max(1, envNumber("UNITSCOPE_INGEST_BODY_TIMEOUT_MS", 30_000));
}

export function retentionDays(): number {
  return envNumber("UNITSCOPE_RETENTION_DAYS", 400);
}

export function maxFutureSkewMs(): number {
  return envNumber("UNITSCOPE_INGEST_MAX_FUTURE_SECONDS", 600) * 1000;
}

export function ingestConcurrency(): { slots: number; queue: number; waitMs: number; perKeySlots: number } {
  const slots = Math.max(1, Math.floor(envNumber("UNITSCOPE_INGEST_CONCURRENCY", 4)));
  // Half the slots by default, so one key (one exporter fleet, or one abusive client) never holds them all.
  const perKey = Math.floor(envNumber("UNITSCOPE_INGEST_KEY_CONCURRENCY", slots - 1));
  return {
    slots,
    queue: Math.floor(envNumber("UNITSCOPE_INGEST_QUEUE", 16)),
    waitMs: envNumber("UNITSCOPE_INGEST_QUEUE_WAIT_MS", 5000),
    perKeySlots: Math.min(slots, Math.max(1, perKey)),
  };
}
