import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { ApiError } from "./errors";

/** Seconds a client is asked to wait (Retry-After) when the database is unavailable. */
export const RETRY_AFTER_UNAVAILABLE_S = 5;

/**
 * The one answer to a database outage, on every route: 503 + Retry-After. The request failed as a
 * whole, so a retry is safe (ingest stores a batch in one transaction: nothing of it was stored).
 */
export function databaseUnavailableError(): ApiError {
  return new ApiError("unavailable", "the database is unavailable; retry shortly", undefined, {
    "Retry-After": String(RETRY_AFTER_UNAVAILABLE_S),
  });
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, init);
}

/**
 * Anything thrown → the ApiError it is answered with. Unknown errors are logged with a reference and
 * reveal nothing; a database outage becomes 503 + Retry-After.
 */
export function toApiError(err: unknown, context = ""): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ZodError) return new ApiError("invalid_request", "the request does not match the expected shape", zodIssues(err));
  if (isDatabaseUnavailable(err)) {
    // An outage (the key lookup, a query, a write failing), not a bug: tell clients to come back.
    console.error(`[api] database unavailable${context ? ` in ${context}` : ""}:`, err instanceof Error ? lastLine(err.message) : err);
    return databaseUnavailableError();
  }
  const id = crypto.randomUUID();
  console.error(`[api] unhandled error ${id}${context ? ` in ${context}` : ""}:`, err);
  return new ApiError("internal_error", `internal error (reference ${id})`);
}

/** Turns anything thrown into the one error shape. */
export function errorResponse(err: unknown, context = ""): Response {
  const e = toApiError(err, context);
  return Response.json(e.toBody(), { status: e.status, headers: e.headers });
}

// Prisma's messages open with a code frame of the call site; the driver's reason is on the last line.
function lastLine(message: string): string {
  return message.trim().split("\n").at(-1) ?? "";
}

export function zodIssues(err: ZodError): { path: string; code: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), code: i.code, message: i.message }));
}
