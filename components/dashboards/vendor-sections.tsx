import { BarListChart } from "@/components/charts/bar-list-chart";
import { DataTable } from "@/components/tables/data-table";
import type { CardContext } from "@/lib/dashboards/card-context";
import { loadVendorMatrix } from "@/lib/dashboards/load-vendor-matrix";
import { unitCostBars } from "@/lib/dashboards/pages/vendors-page";
import { settle } from "@/lib/dashboards/settle";
import { CardError } from "./card-error";
import { DashboardCard } from "./dashboard-card";
import { EmptyState } from "./empty-state";

/** Unit cost per successful task as bars: the reliability-adjusted price of each model. */
export async function UnitCostCard({ c }: { c: CardContext }) {
  const title = "Cost per successful task by model";
  const r = await settle("vendor unit cost", loadVendorMatrix(c));
  if (!r.ok) return <CardError title={title} />;
  const bars = unitCostBars(r.data.table);
  return (
    <DashboardCard
      id="unit-cost"
      title={title}
      description="All spend on a model — retries and failed calls included — divided by the tasks it completed."
    >
      <div className="px-5 py-4">
        {bars.length > 0 ? (
          <BarListChart
            items={bars}
            format="usd"
            label={title}
            itemHeader="Provider / model"
            valueHeader="Cost per successful task"
            testId="chart-unit-cost"
          />
        ) : (
          <EmptyState title="No successful tasks in this view" />
        )}
      </div>
    </DashboardCard>
  );
}

/** The comparison matrix: sortable, exportable, with spend and p95 trends per provider/model. */
export async function VendorMatrixCard({ c }: { c: CardContext }) {
  const title = "Vendor comparison";
  const r = await settle("vendor matrix", loadVendorMatrix(c));
  if (!r.ok) return <CardError title={title} />;
  const { table, spendTrend, p95Trend } = r.data;
  return (
    <DashboardCard
      id="vendor-matrix"
      title={title}
      description="One row per provider and model. Sort by any column; the trends show spend and p95 latency across the range. The CSV export holds every row."
    >
      {table.rows.length === 0 ? (
        <div className="px-5 py-4">
          <EmptyState />
        </div>
      ) : (
        <DataTable
          table={table}
          name={title}
          initialSort={{ id: "cost_usd", desc: true }}
          csv={{ from: c.view.range.from.toISOString(), to: c.view.range.to.toISOString() }}
          testId="table-vendor-matrix"
          dense
          sparklinesAfter="model"
          sparklines={[
            { id: "spend-trend", header: "Spend trend", format: "usd", points: spendTrend },
            { id: "p95-trend", header: "p95 trend", format: "duration", points: p95Trend },
          ]}
        />
      )}
    </DashboardCard>
  );
}
