import { z } from "zod";
import { parseDecimalInput, type DecimalInput, type DecimalLimits } from "@/lib/pricing/decimal-input";
import { normalizeUsage, usageFormatSchema, UsageShapeError } from "@/lib/pricing/normalize-usage";
import { WORKLOAD_CLASSES, workloadClassSchema } from "@/lib/pricing/workload-class";
import { MAX_ATTEMPT, MAX_COST_USD, MAX_LATENCY_MS, MAX_METADATA_BYTES, MAX_METADATA_DEPTH, MAX_TEXT_LENGTH } from "./ingest-limits";
import { ILL_FORMED_TEXT_MESSAGE, isWellFormed } from "./well-formed-text";

/**
 * ONE usage event exactly as the contract (Foundation issue) defines it, camelCase. Parsing yields the
 * event ready to price and store: usage normalised (see normalize-usage.ts), taskId defaulted to id,
 * attempt to 1, latencies rounded to whole ms, costUsd as a decimal string, metadata serialised once.
 *
 * Optional fields also accept `null` (many JSON encoders emit it for "absent"). Unknown fields are
 * refused rather than dropped: a misspelt `tenantId` silently lost would corrupt every tenant report.
 * Time-window checks (future / retention) depend on "now" and live in validate-event.ts.
 */
export { WORKLOAD_CLASSES, workloadClassSchema };
export const EVENT_STATUSES = ["ok", "error", "timeout", "throttled", "filtered", "cancelled"] as const;

export const eventStatusSchema = z.enum(EVENT_STATUSES);

// Postgres text and jsonb cannot hold U+0000 nor a lone surrogate (well-formed-text.ts); refusing them
// here keeps one bad item from failing the batch, or from being stored altered.
const noNul = (s: string) => !s.includes("\u0000");
// The code is explicit: fallbackFrom's other problems (its pattern) are invalid_event.
const wellFormed = { error: ILL_FORMED_TEXT_MESSAGE, params: { rejectCode: "invalid_text" } };
const text = z
  .string()
  .trim()
  .min(1, { error: "must not be empty" })
  .max(MAX_TEXT_LENGTH, { error: `must be at most ${MAX_TEXT_LENGTH} characters` })
  .refine(noNul, { error: "must not contain NUL characters" })
  .refine(isWellFormed, wellFormed);
const optionalText = text.nullish();
/** `fallbackFrom` names the call this one replaced as provider/model. */
export const FALLBACK_FROM_PATTERN = /^[^/\s][^/]*\/.+$/;
// The id is opaque: kept byte for byte (no trimming), since it is half of the idempotency key.
const idText = z
  .string()
  .min(1, { error: "must not be empty" })
  .max(MAX_TEXT_LENGTH, { error: `must be at most ${MAX_TEXT_LENGTH} characters` })
  .refine(noNul, { error: "must not contain NUL characters" })
  .refine(isWellFormed, wellFormed);

const millis = z
  .number()
  .min(0, { error: "must not be negative" })
  .max(MAX_LATENCY_MS, { error: `must be at most ${MAX_LATENCY_MS} ms (24 h); send milliseconds` })
  // Clients time calls with performance.now(): fractions of a millisecond are normal, the column is whole ms.
  .transform((v) => Math.round(v));

const COST_LIMITS: DecimalLimits = { max: MAX_COST_USD, unit: "US dollars" };

/**
 * A provider-reported cost (JSON number or decimal string) → its decimal string, or why not. Shared by
 * the schema and the fast path (parse-event-fast.ts) so both produce the very same string. The text is
 * bounded (digits, exponent) before decimal.js sees it: see decimal-input.ts.
 */
export function parseCostUsd(v: number | string): DecimalInput {
  return parseDecimalInput(v, COST_LIMITS);
}

const costUsd = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const r = parseCostUsd(v);
  if (r.ok) return r.value;
  ctx.addIssue({ code: "custom", message: r.message });
  return z.NEVER;
});

// A plain JSON object. z.record() would re-validate every key, a measurable cost at 50k events/s for
// values that are only serialised (metadata) or validated again field by field (usage).
const plainObject = (error: string) =>
  z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), { error });

/**
 * metadata → its JSON text for the jsonb column, or why it cannot be stored. Shared with the fast path.
 * Never throws: a poison item must be refused by itself, not fail its batch (issue 10).
 */
export function serializeMetadata(v: Record<string, unknown>): { ok: true; value: string } | { ok: false; message: string } {
  let json: string;
  try {
    json = JSON.stringify(v);
  } catch (err) {
    // Of parsed JSON, only nesting deep enough to exhaust the stack makes stringify throw.
    return { ok: false, message: err instanceof RangeError ? METADATA_DEPTH_MESSAGE : "must be serializable as JSON" };
  }
  // UTF-8 is at most 3 bytes per UTF-16 unit: short texts need no byte count.
  if (json.length * 3 > MAX_METADATA_BYTES && Buffer.byteLength(json, "utf8") > MAX_METADATA_BYTES) {
    return { ok: false, message: `must be at most ${MAX_METADATA_BYTES} bytes as JSON` };
  }
  if (hasEscape(json, "\\u0000")) return { ok: false, message: "must not contain NUL characters" };
  // JSON.stringify writes a lone surrogate (key or value) as the escape \udXXX, and nothing else so.
  if (hasEscape(json, "\\ud")) return { ok: false, message: ILL_FORMED_TEXT_MESSAGE };
  if (nestedBeyond(json, MAX_METADATA_DEPTH)) return { ok: false, message: METADATA_DEPTH_MESSAGE };
  return { ok: true, value: json };
}

const METADATA_DEPTH_MESSAGE = `must be nested at most ${MAX_METADATA_DEPTH} levels deep`;

/** Whether JSON text holds `escape` as an escape, not as text after an escaped backslash ("\\\\ud800"). */
function hasEscape(json: string, escape: string): boolean {
  for (let i = json.indexOf(escape); i !== -1; i = json.indexOf(escape, i + 1)) {
    let k = i - 1;
    while (json.charCodeAt(k) === 0x5c) k--;
    if ((i - 1 - k) % 2 === 0) return true;
  }
  return false;
}

/** Whether JSON text nests objects/arrays more than `limit` levels. */
function nestedBeyond(json: string, limit: number): boolean {
  // Cheap bound first (the usual answer): no more brackets in all than the limit cannot nest beyond it.
  let opens = 0;
  for (let i = json.indexOf("{"); i !== -1 && opens <= limit; i = json.indexOf("{", i + 1)) opens++;
  for (let i = json.indexOf("["); i !== -1 && opens <= limit; i = json.indexOf("[", i + 1)) opens++;
  if (opens <= limit) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

const metadata = plainObject("must be a JSON object").transform((v, ctx) => {
  const r = serializeMetadata(v);
  if (r.ok) return r.value;
  ctx.addIssue({ code: "custom", message: r.message });
  return z.NEVER;
});

/** The wire shape, before normalisation. */
export const usageEventObjectSchema = z.strictObject({
  id: idText,
  timestamp: z.iso.datetime({ offset: true, error: "must be an RFC 3339 date-time with a zone, e.g. 2026-11-22T08:00:00.000Z" }),
  provider: text,
  model: text,
  region: optionalText,
  tenant: optionalText,
  feature: optionalText,
  route: optionalText,
  workloadClass: workloadClassSchema.nullish(),
  taskId: optionalText,
  attempt: z.number().int().min(1).max(MAX_ATTEMPT).nullish(),
  fallbackFrom: text
    .refine((s) => FALLBACK_FROM_PATTERN.test(s), { error: "must be 'provider/model' (the call this one replaced)" })
    .nullish(),
  status: eventStatusSchema,
  errorType: optionalText,
  httpStatus: z.number().int().min(100).max(599).nullish(),
  usageFormat: usageFormatSchema.nullish(),
  usage: plainObject("must be an object of token counts"),
  latencyMs: millis,
  ttftMs: millis.nullish(),
  queueMs: millis.nullish(),
  costUsd: costUsd.nullish(),
  metadata: metadata.nullish(),
});

export const usageEventSchema = usageEventObjectSchema.transform((e, ctx) => {
  if (e.ttftMs != null && e.ttftMs > e.latencyMs) {
    ctx.addIssue({ code: "custom", path: ["ttftMs"], message: `ttftMs (${e.ttftMs}) exceeds latencyMs (${e.latencyMs})` });
    return z.NEVER;
  }
  let usage;
  try {
    usage = normalizeUsage(e.usage, e.usageFormat ?? undefined);
  } catch (err) {
    if (!(err instanceof UsageShapeError)) throw err;
    ctx.addIssue({
      code: "custom",
      path: ["usage", ...(err.path ? err.path.split(".") : [])],
      message: err.message,
      params: { rejectCode: err.code },
    });
    return z.NEVER;
  }
  return {
    id: e.id,
    timestamp: new Date(e.timestamp),
    provider: e.provider,
    model: e.model,
    region: e.region ?? null,
    tenant: e.tenant ?? null,
    feature: e.feature ?? null,
    route: e.route ?? null,
    workloadClass: e.workloadClass ?? null,
    taskId: e.taskId ?? e.id,
    attempt: e.attempt ?? 1,
    fallbackFrom: e.fallbackFrom ?? null,
    status: e.status,
    errorType: e.errorType ?? null,
    httpStatus: e.httpStatus ?? null,
    usage,
    latencyMs: e.latencyMs,
    ttftMs: e.ttftMs ?? null,
    queueMs: e.queueMs ?? null,
    /** Cost the provider reported, decimal string. */
    costUsd: e.costUsd ?? null,
    /** metadata serialised as JSON text, ready for the jsonb column. */
    metadataJson: e.metadata ?? null,
  };
});

/** What a client sends (e.g. the demo seeder builds these). */
export type UsageEventInput = z.input<typeof usageEventSchema>;
/** A validated, normalised event. */
export type UsageEvent = z.output<typeof usageEventSchema>;
/**
 * A validated event as the ingest hot path carries it: the instant as epoch milliseconds instead of a
 * Date (inside `next start` every `new Date` goes through a wrapper Next installs, ~0.4 µs each).
 */
export type IngestEvent = Omit<UsageEvent, "timestamp"> & { timestampMs: number };
