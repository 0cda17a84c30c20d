import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { ApiError } from "@/lib/http/errors";

export const RETRY_AFTER_UNAVAILABLE_S = 5;

/** Runs fn; a database outage becomes a 503 with Retry-After instead of a 500. */
export async function mapUnavailable<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ApiError || !isDatabaseUnavailable(err)) throw err;
    console.error("[ingest] database unavailable:", err instanceof Error ? err.message : err);
    throw new ApiError("unavailable", "the database is unavailable; nothing was stored, retry shortly", undefined, {
      "Retry-After": String(RETRY_AFTER_UNAVAILABLE_S),
    });
  }
}
