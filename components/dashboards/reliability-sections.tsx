import Decimal from "decimal.js";
import { cardFilters, cardWindow, type CardContext } from "@/lib/dashboards/card-context";
import { latencyPercentilesRequest } from "@/lib/dashboards/cards/latency-percentiles";
import { percentileByModelRequest, type LatencyMetric, type Percentile } from "@/lib/dashboards/cards/percentile-by-model";
import { regressionRequests } from "@/lib/dashboards/cards/regressions";
import type { RegressionDimension } from "@/lib/dashboards/card-params";
import { toDecimal } from "@/lib/dashboards/measure-display";
import { metricsRequest } from "@/lib/dashboards/metrics-request";
import { queryMetrics } from "@/lib/dashboards/query-metrics";
import { settle } from "@/lib/dashboards/settle";
import { CardError } from "./card-error";
import { LatencyPercentilesCard } from "./latency-percentiles-card";
import { PercentileByModelCard } from "./percentile-by-model-card";
import { QueryProvider } from "./query-provider";
import { RegressionFinderCard } from "./regression-finder-card";

/** Server halves of the Reliability page's interactive cards: first render here, switches on the client. */

export async function LatencyPercentilesSection({ c, model }: { c: CardContext; model: string | null }) {
  const window = cardWindow(c);
  const filters = cardFilters(c);
  const r = await settle(
    "latency percentiles",
    Promise.all([
      queryMetrics(c, latencyPercentilesRequest(window, model, filters)),
      queryMetrics(c, metricsRequest(window, { measures: ["requests"], dimensions: ["model"], filters })),
    ]),
  );
  if (!r.ok) return <CardError title="Latency and time to first token" />;
  const [initial, byModel] = r.data;
  const models = byModel.rows
    .filter((x) => typeof x.model === "string" && x.model !== "")
    .sort((a, b) => (toDecimal(b.requests) ?? new Decimal(0)).comparedTo(toDecimal(a.requests) ?? new Decimal(0)))
    .map((x) => String(x.model));
  return (
    <QueryProvider workspace={c.workspaceSlug}>
      <LatencyPercentilesCard window={window} filters={filters} models={models} initialModel={model} initial={initial} />
    </QueryProvider>
  );
}

export async function PercentileByModelSection({ c, metric, pct }: { c: CardContext; metric: LatencyMetric; pct: Percentile }) {
  const window = cardWindow(c);
  const filters = cardFilters(c);
  const r = await settle("percentile by model", queryMetrics(c, percentileByModelRequest(window, metric, pct, filters)));
  if (!r.ok) return <CardError title="Latency by model" />;
  return (
    <QueryProvider workspace={c.workspaceSlug}>
      <PercentileByModelCard window={window} filters={filters} initialMetric={metric} initialPct={pct} initial={r.data} />
    </QueryProvider>
  );
}

export async function RegressionFinderSection({ c, dim, minRequests }: { c: CardContext; dim: RegressionDimension; minRequests: number }) {
  const window = cardWindow(c);
  const filters = cardFilters(c);
  const [now, before] = regressionRequests(window, dim, filters);
  const r = await settle("regression finder", Promise.all([queryMetrics(c, now), queryMetrics(c, before)]));
  if (!r.ok) return <CardError title="Regression finder" />;
  return (
    <QueryProvider workspace={c.workspaceSlug}>
      <RegressionFinderCard
        window={window}
        filters={filters}
        initialDim={dim}
        initial={{ current: r.data[0].rows, previous: r.data[1].rows }}
        minRequests={minRequests}
      />
    </QueryProvider>
  );
}
