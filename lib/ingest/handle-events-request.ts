import type { Database } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import type { Actor } from "@/lib/auth/actor";
import { loadPricing } from "@/lib/pricing/load-pricing";
import { gateKeyOf, ingestGate } from "./concurrency-gate";
import { storePrepared } from "./ingest-events";
import { MAX_BODY_BYTES, MAX_EVENTS_PER_REQUEST } from "./ingest-limits";
import { EVENTS_CONTENT_TYPES, parseEventsBody, type EventsBodyKind } from "./parse-events-body";
import { prepareBatch, type PreparedBatch, type Pricing } from "./prepare-batch";
import { readBody, requireContentType } from "./read-body";
import { sizedJsonResponse } from "./sized-response";
import { currentTimeWindow } from "./validate-event";

/**
 * POST /api/v1/events after authentication: content type (415), the key's share of the ingest path
 * (429), the body streamed within its limits and deadline (413/400/408), then a slot in the ingest gate
 * (429), per-item validation, one insert. The body is read before the slot is taken: a client trickling
 * its bodies holds only its own key's places, never a slot another key needs. 200 carries
 * {accepted, duplicates, rejected}; a batch with no valid item is a 400 `invalid_event` carrying the
 * same counts (top level and in `error.details`), and nothing is stored.
 */
export async function handleEventsRequest(req: Request, db: Database, workspaceId: number, actor: Actor): Promise<Response> {
  const kind = requireContentType(req, EVENTS_CONTENT_TYPES);
  const gate = ingestGate();
  const key = gateKeyOf(actor);
  return gate.admit(key, async () => {
    // Prices are looked up (one query) while the body arrives; a body error still answers first.
    const pricing = loadPricing(db, workspaceId);
    pricing.catch(() => undefined);
    const body: { bytes: Buffer | null } = {
      bytes: await readBody(req, { maxBytes: MAX_BODY_BYTES, maxLines: kind === "ndjson" ? MAX_EVENTS_PER_REQUEST : undefined }),
    };
    return gate.run(key, async () => {
      const batch = await prepare(body, kind, workspaceId, pricing);
      const result = await storePrepared(db, workspaceId, batch);
      if (result.rejected.length === batch.items) {
        // The one error shape, plus the counts at the top level where a 200 has them: a client reads
        // `rejected` the same way whatever the status.
        const err = new ApiError("invalid_event", `none of the ${batch.items} events is valid; nothing was stored`, result);
        return sizedJsonResponse({ ...err.toBody(), ...result }, { status: err.status });
      }
      return sizedJsonResponse(result);
    });
  });
}

/**
 * Body → prepared batch, in a frame of its own: the body is taken out of its box, so when this returns
 * nothing references the body or the parsed items any more (see prepare-batch.ts).
 */
async function prepare(
  body: { bytes: Buffer | null },
  kind: EventsBodyKind,
  workspaceId: number,
  pricing: Promise<Pricing>,
): Promise<PreparedBatch> {
  const bytes = body.bytes!;
  body.bytes = null;
  const items = parseEventsBody(bytes, kind);
  if (items.length === 0) throw new ApiError("invalid_body", "the batch holds no events; nothing was stored");
  return prepareBatch(items, workspaceId, await pricing, currentTimeWindow());
}
