import type { ApiError } from "@/lib/http/errors";
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
 * An error answered the way OTLP/HTTP prescribes: the body of a 4xx/5xx is a google.rpc.Status in the
 * request's encoding (protobuf unless the request was JSON), so exporters can log the reason. The HTTP
 * status and Retry-After (which exporters honour for 429/503) are ours; our machine-readable code rides
 * along in the message and in `x-unitscope-error`.
 */
export function otlpErrorResponse(err: ApiError, req: Request): Response {
  const code = GRPC_CODE[err.status] ?? 13; // INTERNAL
  const message = `${err.code}: ${err.message}`;
  const headers = new Headers(err.headers);
  headers.set("x-unitscope-error", err.code);
  if ((req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return Response.json({ code, message }, { status: err.status, headers });
  }
  headers.set("content-type", "application/x-protobuf");
  return new Response(Buffer.from(encodeRpcStatus(code, message)), { status: err.status, headers });
}
