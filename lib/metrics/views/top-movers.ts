import Decimal from "decimal.js";
import type { Database } from "@/lib/db/open-database";
import type { MetricsQueryInput } from "../query-schema";
import { runMetricsQuery } from "../run-metrics-query";
import type { SpendDimension } from "./spend-by";

export type Mover = {
  key: string | null;
  currentUsd: string;
  previousUsd: string;
  /** current − previous (decimal string, may be negative). */
  changeUsd: string;
  /** Relative change in percent; null when the previous period had no spend. */
  changePct: number | null;
};

/**
 * Top cost movers: spend per feature/tenant/provider/model in [from, to) against the previous period of
 * the same length, ranked by the absolute change (growth and drops alike). Decimal arithmetic only.
 */
export async function topMovers(
  db: Pick<Database, "sql">,
  workspaceId: number,
  args: { from: string; to: string; by: SpendDimension; filters?: MetricsQueryInput["filters"]; limit?: number },
): Promise<{ current: { from: string; to: string }; previous: { from: string; to: string }; rows: Mover[] }> {
  const from = Date.parse(args.from);
  const to = Date.parse(args.to);
  const previous = { from: new Date(from - (to - from)).toISOString(), to: new Date(from).toISOString() };
  const current = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  const spend = async (w: { from: string; to: string }) => {
    const { rows } = await runMetricsQuery(db, workspaceId, { ...w, dimensions: [args.by], filters: args.filters, measures: ["cost_usd"] });
    return new Map(rows.map((r) => [(r[args.by] as string | null) ?? null, new Decimal(r.cost_usd as string)]));
  };
  const [now, before] = await Promise.all([spend(current), spend(previous)]);
  const keys = new Set([...now.keys(), ...before.keys()]);
  const rows: (Mover & { abs: Decimal })[] = [...keys].map((key) => {
    const c = now.get(key) ?? new Decimal(0);
    const p = before.get(key) ?? new Decimal(0);
    const change = c.minus(p);
    return {
      key,
      currentUsd: c.toFixed(10),
      previousUsd: p.toFixed(10),
      changeUsd: change.toFixed(10),
      changePct: p.isZero() ? null : change.div(p).times(100).toDecimalPlaces(4).toNumber(),
      abs: change.abs(),
    };
  });
  rows.sort((x, y) => y.abs.comparedTo(x.abs) || String(x.key).localeCompare(String(y.key)));
  return { current, previous, rows: rows.slice(0, args.limit ?? 10).map(({ abs: _abs, ...m }) => m) };
}
