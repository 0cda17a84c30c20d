import { BarListChart } from "@/components/charts/bar-list-chart";
import { DataTable } from "@/components/tables/data-table";
import type { CardContext } from "@/lib/dashboards/card-context";
import { loadMeasureTable } from "@/lib/dashboards/load-cards";
import { rankingBars, rankingTable, type RankedDimension } from "@/lib/dashboards/pages/ranking-page";
import { settle } from "@/lib/dashboards/settle";
import { viewQueryString } from "@/lib/dashboards/view-query-string";
import { CardError } from "./card-error";
import { DashboardCard } from "./dashboard-card";
import { EmptyState } from "./empty-state";

const NOUN: Record<RankedDimension, { one: string; many: string }> = { tenant: { one: "tenant", many: "tenants" }, feature: { one: "feature", many: "features" } };

/** Tenants or features ranked by spend: the top ten as bars, all of them in a sortable, exportable table. */
export async function RankingSection({ c, dimension }: { c: CardContext; dimension: RankedDimension }) {
  const noun = NOUN[dimension];
  const title = `${noun.many[0]!.toUpperCase()}${noun.many.slice(1)} by spend`;
  const r = await settle(`${dimension} ranking`, loadMeasureTable(c, rankingTable(dimension)));
  if (!r.ok) return <CardError title={title} />;
  const table = r.data;
  if (table.rows.length === 0) {
    return (
      <DashboardCard id={`${dimension}-ranking`} title={title}>
        <div className="px-5 py-4">
          <EmptyState title={`No ${noun.many} in this view`}>
            Events carry a {noun.one} when your client sends the <code className="font-mono">{noun.one}</code> field. Widen the date range, clear a filter, or add the field to your events.
          </EmptyState>
        </div>
      </DashboardCard>
    );
  }
  const bars = rankingBars(table, dimension);
  return (
    <>
      <DashboardCard id={`${dimension}-top`} title={`Top ${bars.length} ${noun.many} by spend`} description="Effective cost in the range. The table below lists every one with its unit cost and success rate.">
        <div className="px-5 py-4">
          <BarListChart items={bars} format="usd" label={`Top ${noun.many} by spend`} testId={`chart-${dimension}-top`} />
        </div>
      </DashboardCard>
      <DashboardCard
        id={`${dimension}-ranking`}
        title={title}
        description={`Every ${noun.one} in the range. Cost per successful task counts all spend, retries and failures included. Open a ${noun.one} for its own charts.`}
      >
        <DataTable
          table={table}
          name={title}
          initialSort={{ id: "cost_usd", desc: true }}
          linkQuery={viewQueryString(c.view)}
          csv={{ from: c.view.range.from.toISOString(), to: c.view.range.to.toISOString() }}
          testId={`table-${dimension}-ranking`}
        />
      </DashboardCard>
    </>
  );
}
