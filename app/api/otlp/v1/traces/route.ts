import { route } from "@/lib/http/route";
import { handleOtlpRequest } from "@/lib/ingest/otlp/handle-otlp-request";
import { otlpErrorResponse } from "@/lib/ingest/otlp/otlp-error-response";

// protobufjs and node:zlib need the Node.js runtime.
export const runtime = "nodejs";

/**
 * OTLP/HTTP trace receiver: an OpenTelemetry exporter configured with endpoint `<base>/api/otlp` and
 * header `Authorization: Bearer <ingest key>` posts here. Model-call spans become usage events; errors
 * are answered with a google.rpc.Status body, as OTLP/HTTP prescribes.
 */
export const POST = route({ auth: "ingest", formatError: otlpErrorResponse }, ({ req, db, workspace, actor }) =>
  handleOtlpRequest(req, db, workspace.id, actor),
);
