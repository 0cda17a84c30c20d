import { route } from "@/lib/http/route";
import { quoteRequestSchema, quoteUsage } from "@/lib/pricing/quote-usage";

/** POST /api/v1/prices/quote — costs one event-shaped object exactly as ingestion would. */
export const POST = route({ auth: "read", permission: "pricing:read", body: quoteRequestSchema }, async ({ db, workspace, body }) =>
  quoteUsage(db, workspace.id, body),
);
