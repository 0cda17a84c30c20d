import type { TableData } from "./table-spec";

/**
 * CSV of a table exactly as the page holds it (RFC 4180: comma separated, CRLF, quotes doubled).
 * Numbers stay machine-readable — money as the full decimal string, ratios as fractions, durations in
 * ms — so a spreadsheet's SUM equals the page's total to the last digit. A final "Total" row repeats
 * the page's totals for the summable columns.
 */
export function toCsv(table: TableData, opts: { includeTotals?: boolean } = {}): string {
  const header = table.columns.map((c) =>
    escape(c.format === "duration" ? `${c.header} (ms)` : c.format === "usd" ? `${c.header} (USD)` : c.header),
  );
  const lines = [header.join(",")];
  for (const row of table.rows) lines.push(table.columns.map((c) => escape(cellText(row.cells[c.id]))).join(","));
  if (opts.includeTotals ?? true) {
    const hasTotals = table.columns.some((c) => c.total === "sum");
    if (hasTotals) lines.push(table.columns.map((c, i) => escape(i === 0 ? "Total" : (table.totals[c.id] ?? ""))).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

function cellText(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  return typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : v;
}

function escape(s: string): string {
  // A leading =, +, - or @ makes spreadsheets run the cell as a formula: tenant names come from clients.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** File name for a download: the table's name and the range, no characters a file system dislikes. */
export function csvFileName(name: string, from: string, to: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `unitscope-${slug}-${from.slice(0, 10)}-to-${to.slice(0, 10)}.csv`;
}
