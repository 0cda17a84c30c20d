import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { ApiError } from "./errors";

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
    // An outage (e.g. the key lookup failing), not a bug: tell clients to come back, as 503 + Retry-After.
    console.error(`[api] database unavailable${context ? ` in ${context}` : ""}:`, err instanceof Error ? err.message : err);
    return new ApiError("unavailable", "the database is unavailable; retry shortly", undefined, { "Retry-After": "5" });
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

export function zodIssues(err: ZodError): { path: string; code: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), code: i.code, message: i.message }));
}
