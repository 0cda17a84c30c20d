import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { ApiError } from "./errors";

export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, init);
}

/** Turns anything thrown into the one error shape. Unknown errors are logged and reveal nothing. */
export function errorResponse(err: unknown, context = ""): Response {
  if (err instanceof ApiError) {
    return Response.json(err.toBody(), { status: err.status, headers: err.headers });
  }
  if (err instanceof ZodError) {
    const e = new ApiError("invalid_request", "the request does not match the expected shape", zodIssues(err));
    return Response.json(e.toBody(), { status: e.status });
  }
  if (isDatabaseUnavailable(err)) {
    // An outage (e.g. the key lookup failing), not a bug: tell clients to come back, as 503 + Retry-After.
    console.error(`[api] database unavailable${context ? ` in ${context}` : ""}:`, err instanceof Error ? err.message : err);
    const e = new ApiError("unavailable", "the database is unavailable; retry shortly", undefined, { "Retry-After": "5" });
    return Response.json(e.toBody(), { status: e.status, headers: e.headers });
  }
  const id = crypto.randomUUID();
  console.error(`[api] unhandled error ${id}${context ? ` in ${context}` : ""}:`, err);
  const e = new ApiError("internal_error", `internal error (reference ${id})`);
  return Response.json(e.toBody(), { status: 500 });
}

export function zodIssues(err: ZodError): { path: string; code: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), code: i.code, message: i.message }));
}
