import { z } from "zod";
import type { Database } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";
import { normalizeUsage, UsageShapeError, usageFormatSchema } from "./normalize-usage";
import { workloadClassSchema } from "./workload-class";
import { InconsistentUsageError } from "./cost-usage";
import { priceEvents } from "./price-events";

export const quoteRequestSchema = z.strictObject({
  provider: z.string().trim().min(1).max(200),
  model: z.string().trim().min(1).max(300),
  timestamp: z.coerce.date().optional(),
  /** The contract's camelCase usage, or a provider's own usage object named by usageFormat. */
  usage: z.unknown(),
  usageFormat: usageFormatSchema.optional(),
  workloadClass: workloadClassSchema.nullish(),
  region: z.string().trim().max(100).nullish(),
});
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

/**
 * Quotes one event-shaped object with exactly the code ingestion uses (normalizeUsage + priceEvents),
 * including the workspace's contract. An unknown model answers priced:false with zero costs.
 */
export async function quoteUsage(db: Database, workspaceId: number, q: QuoteRequest) {
  const timestamp = q.timestamp ?? new Date();
  if (Number.isNaN(timestamp.getTime())) throw new ApiError("invalid_body", "timestamp is not a valid date", [{ path: "timestamp" }]);
  let usage;
  try {
    usage = normalizeUsage(q.usage, q.usageFormat);
  } catch (err) {
    if (err instanceof UsageShapeError)
      throw new ApiError("invalid_body", err.message, [{ path: err.path ? `usage.${err.path}` : "usage", code: err.code }]);
    throw err;
  }
  try {
    const [cost] = await priceEvents(db, workspaceId, [
      { provider: q.provider, model: q.model, timestamp, usage, workloadClass: q.workloadClass, region: q.region },
    ]);
    return {
      priced: cost!.priced,
      listCost: cost!.listCostUsd,
      effectiveCost: cost!.effectiveCostUsd,
      currency: "USD" as const,
      timestamp: timestamp.toISOString(),
      usage,
      breakdown: cost!.breakdown,
    };
  } catch (err) {
    if (err instanceof InconsistentUsageError) throw new ApiError("invalid_body", err.message, [{ path: "usage" }]);
    throw err;
  }
}
