import { MAX_TEXT_LENGTH } from "@/lib/ingest/ingest-limits";

/**
 * The tenant/feature named by a drill-down URL segment (Next.js hands it over decoded), or null when it
 * cannot be a stored value: empty, or longer than ingestion accepts for a dimension.
 */
export function drilldownValue(segment: string | undefined): string | null {
  if (segment === undefined || segment.length === 0 || segment.length > MAX_TEXT_LENGTH) return null;
  return segment;
}
