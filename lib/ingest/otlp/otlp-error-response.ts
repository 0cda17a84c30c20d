import type { ErrorBody } from "@/lib/http/errors";
import { encodeRpcStatus } from "./otlp-proto";

/** gRPC status codes (google.rpc.Code) for our HTTP statuses, as OTLP/HTTP error bodies carry them. */
const GRPC_CODE: Record<number, number> = {
  400: 3, // INVALID_ARGUMENT
  401: 16, // UNAUTHENTICATED
  403: 7, // PERMISSION_DENIED
  404: 5, // NOT_FOUND
  413: 3, // INVALID_ARGUMENT: the export is too large; splitting it is the client's fix
  415: 3,
  429: 8, // RESOURCE_EXHAUSTED
  503: 14, // UNAVAILABLE
};

/**
 * Re-encodes one of our error responses the way OTLP/HTTP prescribes: the body of a 4xx/5xx is a
 * google.rpc.Status in the request's encoding (protobuf unless the request was JSON), so exporters can
 * log the reason. The HTTP status and Retry-After (which exporters honour for 429/503) are kept; our
 * machine-readable code rides along in the message and in `x-unitscope-error`.
 */
export async function otlpErrorResponse(res: Response, req: Request): Promise<Response> {
  let body: ErrorBody["error"] = { code: "internal_error", message: "internal error" };
  try {
    body = ((await res.json()) as ErrorBody).error;
  } catch {
    // Not our JSON error shape: keep the generic message.
  }
  const code = GRPC_CODE[res.status] ?? 13; // INTERNAL
  const message = `${body.code}: ${body.message}`;
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  headers.set("x-unitscope-error", body.code);
  const json = (req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json");
  if (json) {
    headers.set("content-type", "application/json");
    return new Response(JSON.stringify({ code, message }), { status: res.status, headers });
  }
  headers.set("content-type", "application/x-protobuf");
  return new Response(Buffer.from(encodeRpcStatus(code, message)), { status: res.status, headers });
}
