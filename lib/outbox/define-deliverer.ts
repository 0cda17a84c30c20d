import type { z } from "zod";

/** What one delivery attempt came to. A thrown error counts as a retryable failure with its message. */
export type DeliveryResult =
  | { ok: true; statusCode?: number }
  | {
      ok: false;
      error: string;
      statusCode?: number;
      /** The receiver asked us to wait this long (Retry-After): used instead of the backoff. */
      retryAfterSeconds?: number;
      /** Retrying cannot help (e.g. 400, 404, 410): fail the message now. */
      permanent?: boolean;
    };

export type DeliveryContext = {
  /** The message's idempotency key: send it along (e.g. `webhook-id`) so the receiver can dedupe. */
  key: string;
  /** 1 on the first attempt. */
  attempt: number;
  workspaceId: number | null;
  /** Aborted at the deliverer's timeout or when the worker stops: pass it to fetch. */
  signal: AbortSignal;
};

export type Deliverer<S extends z.ZodType = z.ZodType> = {
  readonly kind: string;
  readonly schema: S;
  readonly maxAttempts: number;
  readonly backoffSeconds: number;
  readonly timeoutMs: number;
  readonly deliver: (payload: z.output<S>, ctx: DeliveryContext) => Promise<DeliveryResult>;
};

const KIND = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/**
 * Declares how messages of one outbox `kind` are delivered (a webhook, an e-mail…), next to the domain
 * that sends them; the composition (lib/boot/jobs.ts) lists it. Delivery is at-least-once: an attempt
 * cut short by a crash is made again, so a deliverer must pass `ctx.key` for the receiver to dedupe.
 */
export function defineDeliverer<S extends z.ZodType>(def: {
  kind: string;
  schema: S;
  deliver: Deliverer<S>["deliver"];
  /** Attempts in all before the message fails for good; default 8 (≈ 4 min of backoff from 1 s… capped at 1 h). */
  maxAttempts?: number;
  /** First retry wait; doubles per attempt up to an hour. Default 5 s. */
  backoffSeconds?: number;
  /** One attempt's limit; default 15 s. */
  timeoutMs?: number;
}): Deliverer<S> {
  if (!KIND.test(def.kind)) throw new RangeError(`outbox kind '${def.kind}' must match ${KIND}`);
  const d = { maxAttempts: 8, backoffSeconds: 5, timeoutMs: 15_000, ...def };
  if (!Number.isInteger(d.maxAttempts) || d.maxAttempts < 1) throw new RangeError(`${def.kind}: maxAttempts must be an integer ≥ 1`);
  if (!Number.isInteger(d.backoffSeconds) || d.backoffSeconds < 0) throw new RangeError(`${def.kind}: backoffSeconds must be ≥ 0`);
  if (!Number.isInteger(d.timeoutMs) || d.timeoutMs < 1) throw new RangeError(`${def.kind}: timeoutMs must be ≥ 1`);
  return Object.freeze({
    kind: d.kind,
    schema: d.schema,
    deliver: d.deliver,
    maxAttempts: d.maxAttempts,
    backoffSeconds: d.backoffSeconds,
    timeoutMs: d.timeoutMs,
  });
}
