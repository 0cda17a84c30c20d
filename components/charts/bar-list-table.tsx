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
    <div className="max-h-80 overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {itemHeader}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {items.map((i, n) => (
            // Index keys: the list is fixed per render and nothing requires labels to be unique.
            <tr key={n}>
              <th scope="row" className="px-3 py-1.5 font-normal break-all text-zinc-700 dark:text-zinc-300">
                {i.label}
              </th>
              <td className="px-3 py-1.5 text-right whitespace-nowrap tabular-nums" data-exact={i.x}>
                {formatValue(format, i.x)}{" "}
                <span className="text-xs text-zinc-500 dark:text-zinc-400">({formatValueExact(format, i.x)})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
