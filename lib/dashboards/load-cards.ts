import { cardFilters, cardWindow, previousWindow, type CardContext } from "./card-context";
import { toDecimal, type MeasureName } from "./measure-display";
import { metricsRequest, type Dimension } from "./metrics-request";
import { prepareDimensionSeries, type DimensionChartData } from "./prepare-dimension-series";
import { prepareKpis, type Kpi, type KpiSpec } from "./prepare-kpis";
import { prepareMeasureSeries } from "./prepare-measure-series";
import { prepareMeasureTable, type TableDimension, type TableMeasure } from "./prepare-measure-table";
import { queryMetrics } from "./query-metrics";
import type { ChartData } from "./chart-data";
import type { TableData } from "./table-spec";

/**
 * Generic card loaders: each builds the metrics questions for the current view (range, filters, pinned
 * drill-down value), asks the engine and hands the rows to a pure `prepare*` function.
 */

function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Headline numbers with their change vs the previous period of the same length (two totals queries). */
export async function loadKpis(c: CardContext, specs: readonly KpiSpec[]): Promise<Kpi[]> {
  const measures = uniq(specs.map((s) => s.measure));
  const filters = cardFilters(c);
  const [now, before] = await Promise.all([
    queryMetrics(c, metricsRequest(cardWindow(c), { measures, filters })),
    queryMetrics(c, metricsRequest(previousWindow(c), { measures, filters })),
  ]);
  return prepareKpis(specs, now.rows[0], before.rows[0]);
}

export async function loadDimensionSeries(
  c: CardContext,
  opts: { dimension: Dimension; measure: MeasureName; maxSeries?: number },
): Promise<DimensionChartData> {
  const w = cardWindow(c);
  const answer = await queryMetrics(
    c,
    metricsRequest(w, { measures: [opts.measure], dimensions: [opts.dimension], granularity: w.granularity, filters: cardFilters(c) }),
  );
  return prepareDimensionSeries({
    rows: answer.rows,
    dimension: opts.dimension,
    measure: opts.measure,
    from: c.view.range.from,
    to: c.view.range.to,
    granularity: w.granularity,
    maxSeries: opts.maxSeries,
  });
}

export async function loadMeasureSeries(
  c: CardContext,
  measures: readonly MeasureName[],
  labels?: Partial<Record<MeasureName, string>>,
): Promise<ChartData> {
  const w = cardWindow(c);
  const answer = await queryMetrics(c, metricsRequest(w, { measures: [...measures], granularity: w.granularity, filters: cardFilters(c) }));
  return prepareMeasureSeries({
    rows: answer.rows,
    from: c.view.range.from,
    to: c.view.range.to,
    granularity: w.granularity,
    measures,
    labels,
  });
}

export type TableSpec = {
  dimensions: readonly (TableDimension & { id: Dimension })[];
  measures: readonly TableMeasure[];
  /** Adds share of total (and, with `compare`, the change vs the previous period) of this money measure. */
  share?: MeasureName;
  compare?: boolean;
  sortBy?: MeasureName;
  /** Leaves out rows where this additive measure is 0 (e.g. error types of successful calls). */
  hideZero?: MeasureName;
};

/** Most rows a table asks for; a bigger answer is marked truncated on the page instead of silently cut. */
const TABLE_LIMIT = 2000;

export async function loadMeasureTable(c: CardContext, spec: TableSpec): Promise<TableData> {
  const dimensions = spec.dimensions.map((d) => d.id);
  const measures = uniq(spec.measures.map((m) => m.measure));
  const filters = cardFilters(c);
  const [now, before] = await Promise.all([
    queryMetrics(c, metricsRequest(cardWindow(c), { measures, dimensions, filters, limit: TABLE_LIMIT })),
    spec.share && spec.compare
      ? queryMetrics(c, metricsRequest(previousWindow(c), { measures: [spec.share], dimensions, filters, limit: TABLE_LIMIT }))
      : Promise.resolve(null),
  ]);
  const rows = spec.hideZero ? now.rows.filter((r) => !(toDecimal(r[spec.hideZero!])?.isZero() ?? true)) : now.rows;
  return prepareMeasureTable({
    rows,
    previous: before?.rows,
    dimensions: spec.dimensions,
    measures: spec.measures,
    share: spec.share,
    sortBy: spec.sortBy,
    truncated: now.rows.length >= TABLE_LIMIT || now.meta.truncated === true,
  });
}
