import { Children, type HTMLAttributes, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes } from "react";

/**
 * The one table of the app. Plain server-rendered tables use <Table>; the interactive DataTable
 * (sorting, CSV) renders its own <table> for its header buttons but takes these same class names,
 * so every table looks alike. Cells pad to the card's edge (px-5) at both ends so a table sits
 * flush inside a <Card>.
 */
export const tableStyles = {
  table: "w-full text-left text-sm",
  thead: "text-xs text-zinc-500 uppercase dark:text-zinc-400",
  headRow: "border-b border-zinc-200 dark:border-zinc-800",
  th: "px-3 py-2 font-medium first:pl-5 last:pr-5",
  tbody: "divide-y divide-zinc-100 dark:divide-zinc-800",
  row: "hover:bg-zinc-50 dark:hover:bg-zinc-800/50",
  cell: "px-3 py-2 first:pl-5 last:pr-5",
  tfoot: "border-t-2 border-zinc-200 font-semibold dark:border-zinc-700",
} as const;

export type TableAlign = "left" | "right";

/**
 * A column heading. `srOnly` keeps a heading for screen readers over a column of buttons; `verbatim`
 * keeps the label's case where it is data (a model name heading a series), not a column name.
 */
export type TableHeading = { key?: string; label: ReactNode; align?: TableAlign; srOnly?: boolean; verbatim?: boolean; title?: string };

const alignClass = (align: TableAlign | undefined) => (align === "right" ? "text-right tabular-nums" : "");

const VARIANTS = {
  // Inside a card: scrolls sideways when wide.
  flush: { frame: "overflow-x-auto", thead: "" },
  // On its own (a chart's table view): a bordered box that scrolls within 20rem, header and footer stay in view.
  boxed: {
    frame: "max-h-80 overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800",
    thead: "sticky top-0 z-10 bg-zinc-50 dark:bg-zinc-900",
  },
} as const;

export function Table({
  columns,
  children,
  caption,
  empty,
  foot,
  variant = "flush",
  testId,
}: {
  columns: readonly TableHeading[];
  /** Body rows (<Tr>). */
  children?: ReactNode;
  /** Names the table for assistive technology (visually hidden: the card header names it on screen). */
  caption?: ReactNode;
  /** Shown in one full-width row when there are no body rows. */
  empty?: ReactNode;
  /** Footer rows (<Tr>), e.g. totals. */
  foot?: ReactNode;
  variant?: keyof typeof VARIANTS;
  testId?: string;
}) {
  const v = VARIANTS[variant];
  const rows = Children.toArray(children);
  return (
    <div className={v.frame}>
      <table className={tableStyles.table} data-testid={testId}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className={`${tableStyles.thead} ${v.thead}`}>
          <tr className={tableStyles.headRow}>
            {columns.map((c, i) => (
              <th
                key={c.key ?? i}
                scope="col"
                title={c.title}
                className={`${tableStyles.th} ${alignClass(c.align)} ${c.verbatim ? "normal-case" : ""}`}
              >
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={tableStyles.tbody}>
          {rows.length > 0 ? (
            rows
          ) : empty ? (
            <tr>
              <td colSpan={columns.length} className="px-5 py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">
                {empty}
              </td>
            </tr>
          ) : null}
        </tbody>
        {foot ? (
          <tfoot className={`${tableStyles.tfoot} ${variant === "boxed" ? "sticky bottom-0 bg-zinc-50 dark:bg-zinc-900" : ""}`}>
            {foot}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

export function Tr({ className = "", ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={`${tableStyles.row} ${className}`} {...props} />;
}

/** A body cell; `align="right"` for numbers (tabular figures). Multi-line cells align to the top. */
export function Td({ align, className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement> & { align?: TableAlign }) {
  return <td className={`${tableStyles.cell} align-top ${alignClass(align)} ${className}`} {...props} />;
}

/**
 * The cell naming its row (a time bucket, an item): a row header for screen readers, read like a cell —
 * its weight is inherited (normal in the body, bold in a totals footer) rather than the browser's bold.
 */
export function RowHeader({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="row" className={`${tableStyles.cell} text-left align-top [font-weight:inherit] ${className}`} {...props} />;
}
