import { z } from "zod";
import type { DeliveryResult } from "@/lib/outbox/define-deliverer";

/** One attempt's limit, whatever the outbox deliverer allows: a hung receiver must not hold a worker slot. */
export const SEND_TIMEOUT_MS = 10_000;

/**
 * An http(s) URL without credentials: fetch refuses URLs with user:password, and a secret hidden in a
 * URL that is shown back to users would leak. Whether private addresses are allowed is the channels
 * API's check (UNITSCOPE_ALLOW_PRIVATE_TARGETS), not the format's.
 */
export const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
  .max(2048)
  .refine((u) => {
    // Checks run on after a failed format check: an unparsable value is the format's error, not this one's.
    if (!URL.canParse(u)) return true;
    const url = new URL(u);
    return url.username === "" && url.password === "";
  }, "must not contain a user name or password");

/** `fetch failed` says nothing: name the cause (ECONNREFUSED, ENOTFOUND, a TLS error…) for the delivery log. */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : "";
  return detail && !err.message.includes(detail) ? `${err.message}: ${detail}` : err.message;
}

/**
 * Runs one attempt bounded by SEND_TIMEOUT_MS and the caller's signal. A timeout or network error is a
 * retryable failure with a readable reason; when the caller's own signal stopped it (worker shutdown,
 * the deliverer's timeout) the error propagates so the outbox reports it in its own words.
 */
export async function boundedAttempt(
  signal: AbortSignal,
  attempt: (signal: AbortSignal) => Promise<DeliveryResult>,
): Promise<DeliveryResult> {
  const timeout = AbortSignal.timeout(SEND_TIMEOUT_MS);
  try {
    return await attempt(AbortSignal.any([signal, timeout]));
  } catch (err) {
    if (signal.aborted) throw err;
    if (timeout.aborted) return { ok: false, error: `no answer within ${SEND_TIMEOUT_MS / 1000} s` };
    return { ok: false, error: describeError(err) };
  }
}
