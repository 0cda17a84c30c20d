import type { MetricsFilters } from "./dashboard-filters";
import type { MeasureName } from "./measure-display";
import type { Granularity } from "./time-buckets";
import type { MetricsRow } from "./chart-data";

import { WORKSPACE_HEADER } from "@/lib/auth/workspace-access";
import type { Dimension } from "@/lib/rollups/dimensions";
import type { MetricsQueryInput } from "@/lib/metrics/query-schema";

export type { Dimension };

/**
 * A dashboard's question to the metrics engine: exactly the `POST /api/v1/metrics/query` body (the
 * engine's schema input type). The server passes it to the engine's query function, client cards send
 * it over HTTP — the same object either way.
 */
export type MetricsRequest = MetricsQueryInput;

export type MetricsAnswer = { rows: MetricsRow[]; meta: Record<string, unknown> };

type RequestParts = {
  measures: MeasureName[];
  dimensions?: Dimension[];
  granularity?: Granularity;
  filters?: MetricsFilters;
  limit?: number;
};

export function metricsRequest(window: { from: Date | string; to: Date | string }, rest: RequestParts): MetricsRequest {
  const iso = (d: Date | string) => (typeof d === "string" ? d : d.toISOString());
  const req: MetricsRequest = { from: iso(window.from), to: iso(window.to), measures: rest.measures };
  if (rest.dimensions && rest.dimensions.length > 0) req.dimensions = rest.dimensions;
  if (rest.granularity) req.granularity = rest.granularity;
  if (rest.filters && Object.keys(rest.filters).length > 0) req.filters = rest.filters;
  if (rest.limit !== undefined) req.limit = rest.limit;
  return req;
}

/**
 * For client cards: the same question over HTTP, with the session cookie, for the workspace the page was
 * rendered for (named explicitly: the cookie may meanwhile name another one, switched in another tab, and
 * the answer is cached under this workspace). Throws the API's message on failure.
 */
export async function fetchMetrics(request: MetricsRequest, opts: { workspace: string; signal?: AbortSignal }): Promise<MetricsAnswer> {
  const { workspace, signal } = opts;
  const res = await fetch("/api/v1/metrics/query", {
    method: "POST",
    headers: { "content-type": "application/json", [WORKSPACE_HEADER]: workspace },
    body: JSON.stringify(request),
    signal,
    credentials: "same-origin",
  });
  const body = (await res.json().catch(() => null)) as (MetricsAnswer & { error?: { message?: string } }) | null;
  if (!res.ok || !body) throw new Error(body?.error?.message ?? `the metrics query failed (HTTP ${res.status})`);
  return body;
}
