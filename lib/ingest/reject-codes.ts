/**
 * Why a single event was refused. Reported per item as `{ index, code, message }`; the other items of the
 * batch are still stored. Codes are stable API: clients may branch on them.
 *
 * | code                | meaning                                                                              |
 * | ------------------- | ------------------------------------------------------------------------------------ |
 * | invalid_json        | (NDJSON) the line is not a JSON value                                                |
 * | invalid_event       | not an object, a required field is missing, a field has the wrong type or an unknown name |
 * | invalid_timestamp   | `timestamp` is not an RFC 3339 date-time with a zone (Z or ±hh:mm)                   |
 * | timestamp_in_future | `timestamp` is ahead of the server by more than UNITSCOPE_INGEST_MAX_FUTURE_SECONDS  |
 * | timestamp_too_old   | `timestamp` is older than the retention window (UNITSCOPE_RETENTION_DAYS, 400 days)  |
 * | invalid_usage       | `usage` does not match its `usageFormat` (or the contract: integers), or its parts do not add up (cached > input, reasoning > output) |
 * | negative_tokens     | a token count is below zero                                                          |
 * | absurd_tokens       | a token count is above MAX_TOKENS (100M)                                             |
 * | absurd_latency      | latencyMs / ttftMs / queueMs negative, above 24 h, or ttftMs > latencyMs             |
 * | invalid_cost        | `costUsd` negative, not a decimal number, above MAX_COST_USD, or a string beyond the bounds of lib/pricing/decimal-input.ts (64 characters, 40 digits, exponent ±40) |
 * | invalid_metadata    | `metadata` is not an object, is larger than 16 KB serialized, nests beyond MAX_METADATA_DEPTH (32), or has a NUL or a lone surrogate in a key or value |
 * | invalid_text        | a text field is empty, too long (256), contains a NUL character or a lone UTF-16 surrogate |
 *
 * Duplicates (an (id, timestamp) already stored, or repeated within the same batch) are not rejections:
 * they are counted in `duplicates` so a client replaying a batch after a timeout sees success.
 */
export const REJECT_CODES = [
  "invalid_json",
  "invalid_event",
  "invalid_timestamp",
  "timestamp_in_future",
  "timestamp_too_old",
  "invalid_usage",
  "negative_tokens",
  "absurd_tokens",
  "absurd_latency",
  "invalid_cost",
  "invalid_metadata",
  "invalid_text",
] as const;

export type RejectCode = (typeof REJECT_CODES)[number];

export type Rejection = { index: number; code: RejectCode; message: string };

export function isRejectCode(value: unknown): value is RejectCode {
  return typeof value === "string" && (REJECT_CODES as readonly string[]).includes(value);
}
