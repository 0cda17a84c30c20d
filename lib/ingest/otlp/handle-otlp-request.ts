import type { Database } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import type { Actor } from "@/lib/auth/actor";
import { gateKeyOf, ingestGate } from "../concurrency-gate";
import type { UsageEventInput } from "../event-schema";
import { ingestEvents } from "../ingest-events";
import { MAX_BODY_BYTES, MAX_EVENTS_PER_REQUEST } from "../ingest-limits";
import { readBody, requireContentType } from "../read-body";
import { sizedJsonResponse, sizedResponse } from "../sized-response";
import { mapSpan } from "./map-span";
import type { OtlpResourceSpans } from "./otlp-model";
import { decodeOtlpJson } from "./otlp-json";
import { decodeOtlpProtobuf, encodeOtlpProtobufResponse } from "./otlp-proto";

const OTLP_CONTENT_TYPES = {
  "application/x-protobuf": "protobuf",
  "application/protobuf": "protobuf",
  "application/json": "json",
} as const;

export type OtlpIngestSummary = {
  spans: number;
  accepted: number;
  duplicates: number;
  ignored: number;
  rejected: number;
  messages: string[];
};

/**
 * POST /api/otlp/v1/traces after authentication (OTLP/HTTP, protobuf or JSON, optionally gzip). Spans
 * that are model calls become usage events through the same validation and insert as the REST path.
 * The answer is an ExportTraceServiceResponse in the request's encoding; per the OTLP spec a partial
 * success names the number of rejected spans and why, and is also used (with 0 rejected) to say how
 * many non-LLM spans were ignored. The counts are also in the `x-unitscope-ingest` header for humans.
 * As on the REST path, the body is read before an ingest slot is taken (see handle-events-request.ts).
 */
export async function handleOtlpRequest(req: Request, db: Database, workspaceId: number, actor: Actor): Promise<Response> {
  const kind = requireContentType(req, OTLP_CONTENT_TYPES);
  const gate = ingestGate();
  const key = gateKeyOf(actor);
  return gate.admit(key, async () => {
    const body = await readBody(req, { maxBytes: MAX_BODY_BYTES, allowEmpty: kind === "protobuf" });
    return gate.run(key, () => respond(db, workspaceId, body, kind));
  });
}

/** Decodes and stores an export in a slot; answers in the request's encoding. */
async function respond(db: Database, workspaceId: number, body: Buffer, kind: "protobuf" | "json"): Promise<Response> {
  const summary = await ingestOtlp(db, workspaceId, decode(body, kind));
  const partial =
    summary.rejected > 0 || summary.ignored > 0 ? { rejectedSpans: summary.rejected, errorMessage: describe(summary) } : undefined;
  const headers = {
    "x-unitscope-ingest": `spans=${summary.spans}; accepted=${summary.accepted}; duplicates=${summary.duplicates}; ignored=${summary.ignored}; rejected=${summary.rejected}`,
  };
  if (kind === "protobuf") {
    return sizedResponse(Buffer.from(encodeOtlpProtobufResponse(partial)), "application/x-protobuf", { status: 200, headers });
  }
  // proto3 JSON mapping: int64 as a decimal string.
  const json = partial ? { partialSuccess: { rejectedSpans: String(partial.rejectedSpans), errorMessage: partial.errorMessage } } : {};
  return sizedJsonResponse(json, { status: 200, headers });
}

function decode(body: Buffer, kind: "protobuf" | "json"): OtlpResourceSpans[] {
  try {
    if (kind === "protobuf") return decodeOtlpProtobuf(body);
    return decodeOtlpJson(JSON.parse(body.toString("utf8")));
  } catch (err) {
    throw new ApiError(
      "invalid_body",
      `the body is not an OTLP ExportTraceServiceRequest in ${kind === "protobuf" ? "protobuf" : "JSON"} (${err instanceof Error ? err.message.split("\n")[0] : String(err)}); nothing was stored`,
    );
  }
}

/** Maps and stores the spans of a decoded export. Exported for tests and other receivers. */
export async function ingestOtlp(db: Database, workspaceId: number, exports: OtlpResourceSpans[]): Promise<OtlpIngestSummary> {
  const summary: OtlpIngestSummary = { spans: 0, accepted: 0, duplicates: 0, ignored: 0, rejected: 0, messages: [] };
  const events: UsageEventInput[] = [];
  for (const rs of exports) {
    for (const span of rs.spans) {
      summary.spans++;
      const m = mapSpan(span, rs.resource);
      if (m.kind === "ignored") summary.ignored++;
      else if (m.kind === "invalid") {
        summary.rejected++;
        summary.messages.push(m.message);
      } else events.push(m.event);
    }
  }
  if (summary.spans > MAX_EVENTS_PER_REQUEST) {
    throw new ApiError("payload_too_large", `the export has ${summary.spans} spans; at most ${MAX_EVENTS_PER_REQUEST} per request`);
  }
  if (events.length > 0) {
    const r = await ingestEvents(db, workspaceId, events);
    summary.accepted = r.accepted;
    summary.duplicates = r.duplicates;
    summary.rejected += r.rejected.length;
    for (const rej of r.rejected) {
      const ids = (events[rej.index]?.metadata ?? {}) as { spanId?: string; spanName?: string };
      summary.messages.push(`span ${ids.spanId ?? "?"} '${ids.spanName ?? ""}': ${rej.code}: ${rej.message}`);
    }
  }
  return summary;
}

function describe(s: OtlpIngestSummary): string {
  const parts = [
    `stored ${s.accepted} model-call span${s.accepted === 1 ? "" : "s"}`,
    ...(s.duplicates ? [`${s.duplicates} already stored`] : []),
    ...(s.ignored ? [`ignored ${s.ignored} span${s.ignored === 1 ? "" : "s"} that are not model calls`] : []),
    ...(s.rejected ? [`rejected ${s.rejected}: ${s.messages.slice(0, 5).join("; ")}${s.messages.length > 5 ? "; …" : ""}`] : []),
  ];
  return parts.join("; ");
}
