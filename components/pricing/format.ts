/** Display helpers shared by the pricing components (server-rendered; UTC so every viewer sees the same). */
export function utc(iso: string | null): string {
  if (!iso) return "—";
  return iso.replace("T", " ").replace(/:\d{2}(\.\d+)?Z$/, " UTC");
}

export function day(iso: string | null): string {
  if (!iso) return "—";
  return iso.slice(0, 10);
}

/** Decimal USD string → "$1,234.5678" without going through binary floats. */
export function usd(amount: string): string {
  const negative = amount.startsWith("-");
  const [int = "0", frac = ""] = amount.replace("-", "").split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const decimals = frac.replace(/0+$/, "");
  return `${negative ? "-" : ""}$${grouped}${decimals ? `.${decimals.length < 2 ? decimals.padEnd(2, "0") : decimals}` : ".00"}`;
}

export const cell = "px-3 py-2 align-top text-sm text-zinc-700 dark:text-zinc-300";
export const head = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400";
export const section = "rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900";
export const sectionHeader = "border-b border-zinc-200 px-4 py-3 dark:border-zinc-800";
export const title = "text-base font-semibold text-zinc-900 dark:text-zinc-50";
export const muted = "text-sm text-zinc-600 dark:text-zinc-400";
