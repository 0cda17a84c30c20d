import { ApiError } from "@/lib/http/errors";

/** A metrics query is a few hundred bytes; filters of 200 values per dimension stay far below this. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads the JSON body of a metrics query without validating it (runMetricsQuery does, with messages
 * that name the bad measure, dimension or range — clearer than a generic "invalid body").
 */
export async function readQueryBody(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new ApiError("unsupported_media_type", "send the query as application/json");
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ApiError("payload_too_large", `a metrics query is at most ${MAX_BODY_BYTES} bytes`);
  const text = await req.text();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES)
    throw new ApiError("payload_too_large", `a metrics query is at most ${MAX_BODY_BYTES} bytes`);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_body", "the body is not valid JSON");
  }
}
