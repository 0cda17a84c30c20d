import type { ReactNode } from "react";
import { ChartFrame } from "@/components/charts/chart-frame";
import type { TimeSeriesKind } from "@/components/charts/time-series-chart";
import { DataTable } from "@/components/tables/data-table";
import type { CardContext } from "@/lib/dashboards/card-context";
import { viewQueryString } from "@/lib/dashboards/view-query-string";
import { loadDimensionSeries, loadKpis, loadMeasureSeries, loadMeasureTable, type TableSpec } from "@/lib/dashboards/load-cards";
import type { MeasureName } from "@/lib/dashboards/measure-display";
import type { Dimension } from "@/lib/dashboards/metrics-request";
import type { KpiSpec } from "@/lib/dashboards/prepare-kpis";
import { settle } from "@/lib/dashboards/settle";
import { CardError } from "./card-error";
import { DashboardCard } from "./dashboard-card";
import { KpiGrid } from "./kpi-grid";

/**
 * Server cards shared by the pages. Each is an async component meant to sit in its own <Suspense>: it
 * loads its numbers, and on failure renders its own error state so the rest of the page still shows.
 */

export async function KpiSection({
  c,
  specs,
  label,
  extra,
  columns,
}: {
  c: CardContext;
  specs: readonly KpiSpec[];
  label: string;
  extra?: ReactNode;
  columns?: 3 | 4;
}) {
  const r = await settle(label, loadKpis(c, specs));
  if (!r.ok) return <CardError title={label} />;
  return <KpiGrid kpis={r.data} label={label} extra={extra} columns={columns} />;
}

type ChartCardBase = {
  c: CardContext;
  id: string;
  title: string;
  description?: string;
  kind: TimeSeriesKind;
  stacked?: boolean;
  height?: number;
  className?: string;
  colors?: readonly string[];
  emptyText?: string;
};

export async function DimensionSeriesCard({
  dimension,
  measure,
  maxSeries,
  ...p
}: ChartCardBase & { dimension: Dimension; measure: MeasureName; maxSeries?: number }) {
  const r = await settle(p.id, loadDimensionSeries(p.c, { dimension, measure, maxSeries }));
  if (!r.ok) return <CardError title={p.title} className={p.className} />;
  const note =
    r.data.omitted > 0 && r.data.series.every((s) => s.total === null)
      ? ` The ${r.data.series.length} busiest are shown; ${r.data.omitted} more are left out.`
      : "";
  return (
    <DashboardCard id={p.id} title={p.title} description={`${p.description ?? ""}${note}`} className={p.className}>
      <div className="px-5 py-4">
        <ChartFrame
          data={r.data}
          kind={p.kind}
          stacked={p.stacked}
          height={p.height}
          colors={p.colors}
          label={p.title}
          testId={`chart-${p.id}`}
          emptyText={p.emptyText}
        />
      </div>
    </DashboardCard>
  );
}

export async function MeasureSeriesCard({
  measures,
  labels,
  ...p
}: ChartCardBase & { measures: readonly MeasureName[]; labels?: Partial<Record<MeasureName, string>> }) {
  const r = await settle(p.id, loadMeasureSeries(p.c, measures, labels));
  if (!r.ok) return <CardError title={p.title} className={p.className} />;
  return (
    <DashboardCard id={p.id} title={p.title} description={p.description} className={p.className}>
      <div className="px-5 py-4">
        <ChartFrame
          data={r.data}
          kind={p.kind}
          stacked={p.stacked}
          height={p.height}
          colors={p.colors}
          label={p.title}
          testId={`chart-${p.id}`}
          emptyText={p.emptyText}
        />
      </div>
    </DashboardCard>
  );
}

export async function TableCard({
  c,
  id,
  title,
  description,
  spec,
  csv = true,
  pageSize,
  className,
}: {
  c: CardContext;
  id: string;
  title: string;
  description?: string;
  spec: TableSpec;
  csv?: boolean;
  pageSize?: number;
  className?: string;
}) {
  const r = await settle(id, loadMeasureTable(c, spec));
  if (!r.ok) return <CardError title={title} className={className} />;
  const sort = spec.sortBy ? { id: spec.sortBy, desc: true } : undefined;
  return (
    <DashboardCard id={id} title={title} description={description} className={className}>
      {r.data.rows.length === 0 ? (
        <div className="px-5 py-4">
          <EmptyRows />
        </div>
      ) : (
        <DataTable
          table={r.data}
          name={title}
          initialSort={sort}
          pageSize={pageSize}
          linkQuery={viewQueryString(c.view)}
          csv={csv ? { from: c.view.range.from.toISOString(), to: c.view.range.to.toISOString() } : undefined}
          testId={`table-${id}`}
        />
      )}
    </DashboardCard>
  );
}

function EmptyRows() {
  return (
    <p className="py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
      Nothing was recorded in this range with these filters. Widen the date range or clear a filter.
    </p>
  );
}
