import { RowHeader, Table, Td, Tr } from "@/components/ui/table";
import type { ChartData } from "@/lib/dashboards/chart-data";
import { formatValue, formatValueExact } from "@/lib/dashboards/measure-display";
import { bucketLabel } from "@/lib/dashboards/time-buckets";

/** The table view of a time chart: one row per bucket, one column per series, exact values on hover. */
export function ChartTable({ data, caption }: { data: ChartData; caption: string }) {
  const additive = data.series.every((s) => s.total !== null);
  return (
    <Table
      variant="boxed"
      caption={caption}
      columns={[
        { label: "Time (UTC)" },
        ...data.series.map((s) => ({ key: s.key, label: s.label, align: "right" as const, verbatim: true })),
      ]}
      foot={
        additive ? (
          <tr>
            <RowHeader>Total</RowHeader>
            {data.series.map((s) => (
              <Td key={s.key} align="right" title={formatValueExact(data.format, s.total)}>
                {formatValue(data.format, s.total)}
              </Td>
            ))}
          </tr>
        ) : null
      }
    >
      {data.points.map((p) => (
        <Tr key={p.t}>
          <RowHeader className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">{bucketLabel(p.t, data.granularity)}</RowHeader>
          {data.series.map((s) => (
            <Td key={s.key} align="right" title={formatValueExact(data.format, p.x[s.key] ?? null)}>
              {formatValue(data.format, p.x[s.key] ?? null)}
            </Td>
          ))}
        </Tr>
      ))}
    </Table>
  );
}
