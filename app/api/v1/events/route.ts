import { handleEventsRequest } from "@/lib/ingest/handle-events-request";
import { route } from "@/lib/http/route";

// Streams and un-gzips the body with node:zlib.
export const runtime = "nodejs";

/** Batch ingestion of usage events (JSON or NDJSON, optionally gzip). Rules: lib/ingest. */
export const POST = route({ auth: "ingest" }, ({ req, db, workspace, actor }) => handleEventsRequest(req, db, workspace.id, actor));
