import type { Database } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { loadPricing } from "@/lib/pricing/load-pricing";
import { ingestGate } from "./concurrency-gate";
import { storePrepared } from "./ingest-events";
import { MAX_BODY_BYTES, MAX_EVENTS_PER_REQUEST } from "./ingest-limits";
import { EVENTS_CONTENT_TYPES, parseEventsBody, type EventsBodyKind } from "./parse-events-body";
import { prepareBatch, type PreparedBatch, type Pricing } from "./prepare-batch";
import { readBody, requireContentType } from "./read-body";
import { sizedJsonResponse } from "./sized-response";
import { currentTimeWindow } from "./validate-event";

/**
 * POST /api/v1/events after authentication: content type (415), a slot in the ingest gate (429), the
 * body streamed within its limits (413/400), per-item validation, one insert. 200 carries
 * {accepted, duplicates, rejected}; a batch with no valid item is a 400 `invalid_event` carrying the
 * same counts (top level and in `error.details`), and nothing is stored.
 */
export async function handleEventsRequest(req: Request, db: Database, workspaceId: number): Promise<Response> {
  const kind = requireContentType(req, EVENTS_CONTENT_TYPES);
  return ingestGate().run(async () => {
    // Prices are looked up (one query) while the body arrives; a body error still answers first.
    const pricing = loadPricing(db, workspaceId);
    pricing.catch(() => undefined);
    const batch = await readBatch(req, kind, workspaceId, pricing);
    const result = await storePrepared(db, workspaceId, batch);
    if (result.rejected.length === batch.items) {
      // The one error shape, plus the counts at the top level where a 200 has them: a client reads
      // `rejected` the same way whatever the status.
      const err = new ApiError("invalid_event", `none of the ${batch.items} events is valid; nothing was stored`, result);
      return sizedJsonResponse({ ...err.toBody(), ...result }, { status: err.status });
    }
    return sizedJsonResponse(result);
  });
}

/**
 * Body → prepared batch, in a frame of its own: when it returns, nothing references the body or the
 * parsed items any more (see prepare-batch.ts).
 */
async function readBatch(req: Request, kind: EventsBodyKind, workspaceId: number, pricing: Promise<Pricing>): Promise<PreparedBatch> {
  const body = await readBody(req, { maxBytes: MAX_BODY_BYTES, maxLines: kind === "ndjson" ? MAX_EVENTS_PER_REQUEST : undefined });
  const items = parseEventsBody(body, kind);
  if (items.length === 0) throw new ApiError("invalid_body", "the batch holds no events; nothing was stored");
  return prepareBatch(items, workspaceId, await pricing, currentTimeWindow());
}
