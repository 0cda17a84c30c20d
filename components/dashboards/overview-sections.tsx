import { formatUsd, formatUsdExact } from "@/lib/format/format";
import { DataTable } from "@/components/tables/data-table";
import type { CardContext } from "@/lib/dashboards/card-context";
import { loadProjection, loadTopMovers } from "@/lib/dashboards/load-engine-views";
import { MOVER_DIMENSIONS, prepareMovers } from "@/lib/dashboards/pages/overview-page";
import { settle } from "@/lib/dashboards/settle";
import { viewQueryString } from "@/lib/dashboards/view-query-string";
import { CardError } from "./card-error";
import { DashboardCard } from "./dashboard-card";
import { EmptyState } from "./empty-state";
import { PlainTile } from "./kpi-grid";
import { Tabs } from "./tabs";

/** Month-end spend projection (the engine's: month to date + recent daily run rate, workspace time zone). */
export async function ProjectionTile({ c }: { c: CardContext }) {
  const r = await settle("month-end projection", loadProjection(c));
  if (!r.ok)
    return <PlainTile id="projection" label="Month-end projection" value="—" hint="Could not be computed just now; reload to retry." />;
  const p = r.data;
  return (
    <PlainTile
      id="projection"
      label="Month-end projection"
      value={formatUsd(p.projectedMonthUsd)}
      exact={p.projectedMonthUsd}
      hint={
        <span title={p.method}>
          <span title={formatUsdExact(p.monthToDateUsd)}>{formatUsd(p.monthToDateUsd)}</span> so far this month · run rate{" "}
          <span title={formatUsdExact(p.runRateDailyUsd)}>{formatUsd(p.runRateDailyUsd)}</span>/day ({p.timezone})
        </span>
      }
    />
  );
}

const TAB_LABEL = { tenant: "Tenants", feature: "Features", model: "Models" } as const;

/** Top five cost movers against the previous period, for tenants, features and models (tabs, all pre-rendered). */
export async function TopMoversCard({ c }: { c: CardContext }) {
  const title = "Top cost movers";
  const r = await settle("top movers", Promise.all(MOVER_DIMENSIONS.map((d) => loadTopMovers(c, d, 5))));
  if (!r.ok) return <CardError title={title} />;
  const range = { from: c.view.range.from.toISOString(), to: c.view.range.to.toISOString() };
  return (
    <DashboardCard
      id="top-movers"
      title={title}
      description="The largest changes in spend against the previous period of the same length, up or down."
      testId="card-top-movers"
    >
      <Tabs
        label="Movers by"
        tabs={MOVER_DIMENSIONS.map((d, i) => {
          const table = prepareMovers(r.data[i]!, d);
          return {
            id: d,
            label: TAB_LABEL[d],
            content:
              table.rows.length === 0 ? (
                <div className="px-5 py-4">
                  <EmptyState />
                </div>
              ) : (
                <DataTable
                  table={table}
                  name={`Top cost movers by ${d}`}
                  linkQuery={viewQueryString(c.view)}
                  csv={range}
                  testId={i === 0 ? "table-top-movers" : `table-top-movers-${d}`}
                />
              ),
          };
        })}
      />
    </DashboardCard>
  );
}
