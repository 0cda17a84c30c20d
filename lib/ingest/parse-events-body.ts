import { isAscii } from "node:buffer";
import { ApiError } from "@/lib/http/errors";
import { MAX_EVENTS_PER_REQUEST } from "./ingest-limits";
import { UnparseableItem } from "./unparseable-item";

export type EventsBodyKind = "json" | "ndjson";

/** Media types POST /api/v1/events accepts. */
export const EVENTS_CONTENT_TYPES: Record<string, EventsBodyKind> = {
  "application/json": "json",
  "application/x-ndjson": "ndjson",
  "application/ndjson": "ndjson",
  "application/jsonl": "ndjson",
};

function tooMany(n: number): ApiError {
  return new ApiError(
    "payload_too_large",
    `the body has ${n.toLocaleString("en-US")} events; at most ${MAX_EVENTS_PER_REQUEST.toLocaleString("en-US")} per request`,
  );
}

/**
 * Turns a REST body into the list of items to validate, keeping the client's indexes:
 * - JSON: `{"events":[…]}`; anything else is a 400 (nothing is stored).
 * - NDJSON: one event per non-empty line; a line that is not JSON becomes an UnparseableItem, so it is
 *   reported by index while the other lines are stored.
 */
export function parseEventsBody(body: Buffer, kind: EventsBodyKind): unknown[] {
  // Bodies are almost always ASCII, and then latin1 decoding gives the same string at half the cost.
  let text = isAscii(body) ? body.toString("latin1") : body.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a UTF-8 BOM some tools write
  if (kind === "ndjson") {
    const items: unknown[] = [];
    let lineNo = 0;
    for (const line of text.split("\n")) {
      lineNo++;
      if (line.trim() === "") continue;
      try {
        items.push(JSON.parse(line));
      } catch (err) {
        items.push(new UnparseableItem(`line ${lineNo} is not valid JSON (${(err as Error).message})`));
      }
    }
    if (items.length > MAX_EVENTS_PER_REQUEST) throw tooMany(items.length);
    return items;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ApiError("invalid_body", `the body is not valid JSON (${(err as Error).message}); nothing was stored`);
  }
  const events =
    typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as { events?: unknown }).events : undefined;
  if (!Array.isArray(events)) {
    throw new ApiError("invalid_body", 'the body must be a JSON object {"events": [ … ]}; nothing was stored');
  }
  if (events.length > MAX_EVENTS_PER_REQUEST) throw tooMany(events.length);
  return events;
}
