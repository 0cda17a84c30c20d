import Decimal from "decimal.js";

/**
 * Display formatting shared by every page. Money arrives as decimal strings and is rounded with
 * decimal.js, then formatted from the string (Intl accepts numeric strings), so no float ever rounds it.
 * Dates are shown in UTC, the zone every bucket and range in Unitscope is defined in.
 */
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatCompact(n: number): string {
  return Math.abs(n) < 10_000 ? integer.format(n) : compact.format(n);
}

const usd2 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usd4 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** $1,234.57 for amounts ≥ $1; up to four decimals below a dollar so per-call costs stay readable. */
export function formatUsd(amount: string | Decimal): string {
  const d = new Decimal(amount);
  if (d.isZero()) return usd2.format("0");
  if (d.abs().lt("0.0001")) return d.isNegative() ? "-<$0.0001" : "<$0.0001";
  if (d.abs().lt(1)) return usd4.format(d.toDecimalPlaces(4).toFixed() as Intl.StringNumericLiteral);
  return usd2.format(d.toDecimalPlaces(2).toFixed() as Intl.StringNumericLiteral);
}

/**
 * The exact amount (tooltips, prices, audit totals): every stored decimal, never rounded, grouped like
 * formatUsd and shown to at least the cent; zeros past the last significant decimal are dropped.
 */
export function formatUsdExact(amount: string | Decimal): string {
  const d = new Decimal(amount);
  const [int = "0", frac = ""] = d.abs().toFixed().split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${d.isNegative() && !d.isZero() ? "-" : ""}$${grouped}.${frac.padEnd(2, "0")}`;
}

/** 840 ms, 1.25 s, 12.3 s, 2 min 5 s — thresholds sit where rounding would carry into the next unit. */
export function formatDuration(ms: number): string {
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  if (ms < 9_995) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

const dateTime = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const dateOnly = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" });

/** Dates, or the ISO strings API views carry (`toISOString()`), shown in UTC. */
export function formatDateTime(d: Date | string): string {
  return `${dateTime.format(new Date(d))} UTC`;
}

export function formatDate(d: Date | string): string {
  return dateOnly.format(new Date(d));
}

/** "just now", "5 min ago", "3 h ago", "2 days ago"; future times (clock skew) read as "just now". */
export function formatRelative(d: Date, now: Date = new Date()): string {
  const s = Math.round((now.getTime() - d.getTime()) / 1000);
  if (s < 45) return "just now";
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const days = Math.round(h / 24);
  if (days < 60) return `${days} day${days === 1 ? "" : "s"} ago`;
  return `on ${formatDate(d)}`;
}
