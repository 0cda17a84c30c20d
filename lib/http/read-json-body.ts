import { ApiError } from "./errors";

/** The default limit of a JSON body read by route(): management objects are small. */
export const DEFAULT_JSON_BODY_LIMIT = 1_000_000;

/**
 * THE JSON body reader of the API (route() and handlers that validate the body themselves, like the
 * metrics query): application/json only, at most `limitBytes` UTF-8 bytes — checked against the declared
 * Content-Length first, then the bytes actually received — and well-formed JSON, else a 4xx.
 */
export async function readJsonBody(req: Request, limitBytes: number = DEFAULT_JSON_BODY_LIMIT): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new ApiError("unsupported_media_type", "send the body as application/json");
  const tooLarge = () => new ApiError("payload_too_large", `the body exceeds ${limitBytes} bytes`);
  if (Number(req.headers.get("content-length") ?? 0) > limitBytes) throw tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text, "utf8") > limitBytes) throw tooLarge();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_body", "the body is not valid JSON");
  }
}
