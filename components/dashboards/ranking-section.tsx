import { cache } from "react";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { DataTable } from "@/components/tables/data-table";
import type { CardContext } from "@/lib/dashboards/card-context";
import { loadMeasureTable } from "@/lib/dashboards/load-cards";
import { RANKED_DIMENSIONS, rankingBars, rankingTable, type RankedDimension } from "@/lib/dashboards/pages/ranking-page";
import { settle } from "@/lib/dashboards/settle";
import { viewQueryString } from "@/lib/dashboards/view-query-string";
import { CardError } from "./card-error";
import { DashboardCard } from "./dashboard-card";
import { EmptyState } from "./empty-state";

/** One ranking per request, shared by the bars card and the table card (each in its own Suspense). */
const loadRanking = cache((c: CardContext, dimension: RankedDimension) => loadMeasureTable(c, rankingTable(dimension)));

function NoneYet({ dimension }: { dimension: RankedDimension }) {
  const noun = RANKED_DIMENSIONS[dimension];
  return (
    <EmptyState title={`No ${noun.many} in this view`}>
      Events carry a {noun.one} when your client sends the <code className="font-mono">{noun.one}</code> field. Widen the date range, clear
      a filter, or add the field to your events.
    </EmptyState>
  );
}

/** The top ten by spend as bars. */
export async function RankingBarsCard({ c, dimension }: { c: CardContext; dimension: RankedDimension }) {
  const noun = RANKED_DIMENSIONS[dimension];
  const title = `Top ${noun.many} by spend`;
  const r = await settle(`${dimension} ranking`, loadRanking(c, dimension));
  if (!r.ok) return <CardError title={title} />;
  const bars = rankingBars(r.data, dimension);
  return (
    <DashboardCard
      id={`${dimension}-top`}
      title={title}
      description={`Effective cost in the range, the ten largest ${noun.many}. The table lists every one with its unit cost and success rate.`}
    >
      <div className="px-5 py-4">
        {bars.length > 0 ? (
          <BarListChart
            items={bars}
            format="usd"
            label={title}
            itemHeader={noun.One}
            valueHeader="Spend"
            testId={`chart-${dimension}-top`}
          />
        ) : (
          <NoneYet dimension={dimension} />
        )}
      </div>
    </DashboardCard>
  );
}

/** Every tenant/feature ranked by spend: sortable, exportable, each linking to its drill-down page. */
export async function RankingTableCard({ c, dimension }: { c: CardContext; dimension: RankedDimension }) {
  const noun = RANKED_DIMENSIONS[dimension];
  const title = `${noun.Many} by spend`;
  const r = await settle(`${dimension} ranking`, loadRanking(c, dimension));
  if (!r.ok) return <CardError title={title} />;
  return (
    <DashboardCard
      id={`${dimension}-ranking`}
      title={title}
      description={`Every ${noun.one} in the range. Cost per successful task counts all spend, retries and failures included. Open a ${noun.one} for its own charts.`}
    >
      {r.data.rows.length === 0 ? (
        <div className="px-5 py-4">
          <NoneYet dimension={dimension} />
        </div>
      ) : (
        <DataTable
          table={r.data}
          name={title}
          initialSort={{ id: "cost_usd", desc: true }}
          linkQuery={viewQueryString(c.view)}
          csv={{ from: c.view.range.from.toISOString(), to: c.view.range.to.toISOString() }}
          testId={`table-${dimension}-ranking`}
        />
      )}
    </DashboardCard>
  );
}
