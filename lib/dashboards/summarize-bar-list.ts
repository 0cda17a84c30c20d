import Decimal from "decimal.js";
import { formatValue, toDecimal, type ValueFormat } from "./measure-display";

/** One bar of a ranking: `v` is for drawing only, `x` the exact value (money as a decimal string). */
export type BarListItem = { label: string; v: number; x: string };

/**
 * The screen-reader caption of a bar list: how many bars, the highest and the lowest with their values.
 * Compared on the exact value (not the float `v`) so two amounts that differ in the 10th decimal still
 * rank as the table shows them; ties keep the first item, i.e. the caller's order.
 */
export function summarizeBarList(items: readonly BarListItem[], format: ValueFormat): string {
  const first = items[0];
  if (!first) return "No items.";
  const show = (i: BarListItem) => `${i.label} (${formatValue(format, i.x)})`;
  if (items.length === 1) return `1 item: ${show(first)}.`;
  const exact = (i: BarListItem) => toDecimal(i.x) ?? new Decimal(i.v);
  let high = first;
  let low = first;
  for (const i of items) {
    if (exact(i).gt(exact(high))) high = i;
    if (exact(i).lt(exact(low))) low = i;
  }
  return `${items.length} items; highest ${show(high)}, lowest ${show(low)}.`;
}
