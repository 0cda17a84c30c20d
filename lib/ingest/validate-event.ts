import type { z } from "zod";
import { usageEventSchema, type IngestEvent, type UsageEvent } from "./event-schema";
import { maxFutureSkewMs, retentionDays } from "./ingest-limits";
import { parseEventFast } from "./parse-event-fast";
import { isRejectCode, type RejectCode } from "./reject-codes";

export type Validated = { ok: true; event: UsageEvent } | { ok: false; code: RejectCode; message: string };
export type Checked = { ok: true; event: IngestEvent } | { ok: false; code: RejectCode; message: string };

const DAY_MS = 86_400_000;

/** Which reject code a schema problem on a field means (anything not listed is invalid_event). */
const FIELD_CODE: Partial<Record<string, RejectCode>> = {
  timestamp: "invalid_timestamp",
  usage: "invalid_usage",
  latencyMs: "absurd_latency",
  ttftMs: "absurd_latency",
  queueMs: "absurd_latency",
  costUsd: "invalid_cost",
  metadata: "invalid_metadata",
  id: "invalid_text",
  provider: "invalid_text",
  model: "invalid_text",
  region: "invalid_text",
  tenant: "invalid_text",
  feature: "invalid_text",
  route: "invalid_text",
  taskId: "invalid_text",
  errorType: "invalid_text",
};

// Fields whose wrong type is still best explained by their own code (usage: 12 → invalid_usage).
const TYPE_ERRORS_KEEP_FIELD_CODE = new Set(["usage", "metadata", "costUsd", "timestamp"]);

function codeFor(issue: z.core.$ZodIssue, input: unknown): RejectCode {
  const field = issue.path[0];
  if (issue.code === "custom" && isRejectCode(issue.params?.rejectCode)) return issue.params.rejectCode;
  if (issue.code === "unrecognized_keys" || typeof field !== "string") return "invalid_event";
  // A missing field, or a wrongly-typed scalar, is a malformed event; bad values get the field's code.
  const value = (input as Record<string, unknown>)[field];
  if (value === undefined && issue.path.length === 1) return "invalid_event";
  if (issue.code === "invalid_type" && !TYPE_ERRORS_KEEP_FIELD_CODE.has(field)) return "invalid_event";
  return FIELD_CODE[field] ?? "invalid_event";
}

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === "unrecognized_keys")
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
  const path = issue.path.map(String).join(".");
  const field = issue.path[0];
  if (issue.path.length === 1 && typeof field === "string" && (input as Record<string, unknown>)[field] === undefined) {
    return `${path} is required`;
  }
  // Usage errors already name their path.
  if (issue.code === "custom" && issue.params?.rejectCode && field === "usage") return issue.message;
  return path ? `${path}: ${issue.message}` : issue.message;
}

export type TimeWindow = { now: number; maxFutureSkewMs: number; retentionDays: number };

/** The accepted time window as of now; read once per batch (process.env lookups are not free). */
export function currentTimeWindow(now = Date.now()): TimeWindow {
  return { now, maxFutureSkewMs: maxFutureSkewMs(), retentionDays: retentionDays() };
}

/**
 * Validates one item of a batch against the contract and the time window (as of `at`: a time in ms,
 * or a window computed once per batch with currentTimeWindow). Never throws.
 */
export function validateEvent(item: unknown, at: number | TimeWindow = Date.now()): Validated {
  const r = checkEvent(item, typeof at === "number" ? currentTimeWindow(at) : at);
  if (!r.ok) return r;
  const { timestampMs, ...rest } = r.event;
  return { ok: true, event: { ...rest, timestamp: new Date(timestampMs) } };
}

/** validateEvent for the ingest hot path: the event with its instant as epoch ms (IngestEvent), no Date made. */
export function checkEvent(item: unknown, window: TimeWindow): Checked {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    return { ok: false, code: "invalid_event", message: "an event must be a JSON object" };
  }
  // The common case without zod (same result, a tenth of the CPU); the schema decides everything else.
  let event = parseEventFast(item);
  if (event === undefined) {
    const r = usageEventSchema.safeParse(item);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      return { ok: false, code: codeFor(issue, item), message: describe(issue, item) };
    }
    const { timestamp, ...rest } = r.data;
    event = { ...rest, timestampMs: timestamp.getTime() };
  }
  const ts = event.timestampMs;
  const { now, maxFutureSkewMs: skew, retentionDays: days } = window;
  if (ts > now + skew) {
    return {
      ok: false,
      code: "timestamp_in_future",
      message: `timestamp ${new Date(ts).toISOString()} is more than ${Math.round(skew / 1000)} s ahead of the server clock`,
    };
  }
  if (ts < now - days * DAY_MS) {
    return {
      ok: false,
      code: "timestamp_too_old",
      message: `timestamp ${new Date(ts).toISOString()} is older than the ${days}-day retention window`,
    };
  }
  return { ok: true, event };
}
