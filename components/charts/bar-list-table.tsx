import { RowHeader, Table, Td, Tr } from "@/components/ui/table";
import { formatValue, formatValueExact, type ValueFormat } from "@/lib/dashboards/measure-display";
import type { BarListItem } from "@/lib/dashboards/summarize-bar-list";

type Props = {
  items: readonly BarListItem[];
  format: ValueFormat;
  caption: string;
  itemHeader: string;
  valueHeader: string;
  testId?: string;
};

/**
 * The table view of a bar list, in the bars' order. The exact value is printed, not only put in a title:
 * a title is out of reach by keyboard and most screen readers, and this view is where exact numbers are read.
 */
export function BarListTable({ items, format, caption, itemHeader, valueHeader, testId }: Props) {
  return (
    <Table variant="boxed" caption={caption} testId={testId} columns={[{ label: itemHeader }, { label: valueHeader, align: "right" }]}>
      {items.map((i, n) => (
        // Index keys: the list is fixed per render and nothing requires labels to be unique.
        <Tr key={n}>
          <RowHeader className="break-all text-zinc-700 dark:text-zinc-300">{i.label}</RowHeader>
          <Td align="right" className="whitespace-nowrap" data-exact={i.x}>
            {formatValue(format, i.x)} <span className="text-xs text-zinc-500 dark:text-zinc-400">({formatValueExact(format, i.x)})</span>
          </Td>
        </Tr>
      ))}
    </Table>
  );
}
