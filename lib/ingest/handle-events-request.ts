import type { Database } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { ingestGate } from "./concurrency-gate";
import { mapUnavailable } from "./database-unavailable";
import { ingestEvents } from "./ingest-events";
import { MAX_BODY_BYTES, MAX_EVENTS_PER_REQUEST } from "./ingest-limits";
import { EVENTS_CONTENT_TYPES, parseEventsBody } from "./parse-events-body";
import { readBody, requireContentType } from "./read-body";
import { sizedJsonResponse } from "./sized-response";

/**
 * POST /api/v1/events after authentication: content type (415), a slot in the ingest gate (429), the
 * body streamed within its limits (413/400), per-item validation, one insert. 200 carries
 * {accepted, duplicates, rejected}; a batch with no valid item is a 400 with the same counts in
 * `error.details`, and nothing is stored.
 */
export async function handleEventsRequest(req: Request, db: Database, workspaceId: number): Promise<Response> {
  const kind = requireContentType(req, EVENTS_CONTENT_TYPES);
  return ingestGate().run(async () => {
    const body = await readBody(req, { maxBytes: MAX_BODY_BYTES, maxLines: kind === "ndjson" ? MAX_EVENTS_PER_REQUEST : undefined });
    const items = parseEventsBody(body, kind);
    if (items.length === 0) throw new ApiError("invalid_body", "the batch holds no events; nothing was stored");
    const result = await mapUnavailable(() => ingestEvents(db, workspaceId, items));
    if (result.rejected.length === items.length) {
      throw new ApiError("invalid_event", `none of the ${items.length} events is valid; nothing was stored`, result);
    }
    return sizedJsonResponse(result);
  });
}
