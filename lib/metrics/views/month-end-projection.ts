import Decimal from "decimal.js";
import type { Database } from "@/lib/db/open-database";
import type { MetricsQueryInput } from "../query-schema";
import { runMetricsQuery } from "../run-metrics-query";

const DAY = 86_400_000;

export type MonthEndProjection = {
  timezone: string;
  /** The calendar month in the workspace's time zone, as UTC instants. */
  monthStart: string;
  monthEnd: string;
  asOf: string;
  monthToDateUsd: string;
  /** Average daily spend over the last `runRateDays` days. */
  runRateDailyUsd: string;
  projectedMonthUsd: string;
  method: string;
};

/**
 * Month-end spend projection in the workspace's time zone (DESIGN-NOTES "Time": a month-to-date budget
 * is local): effective spend so far this month plus the recent daily run rate over the time left.
 * The run rate is the last `runRateDays` days, not the month so far: a spike late in the month (a
 * runaway agent) shows up in the projection the next day instead of being averaged away.
 */
export async function monthEndProjection(
  db: Pick<Database, "sql" | "prisma">,
  workspaceId: number,
  opts: { now?: Date; runRateDays?: number; filters?: MetricsQueryInput["filters"] } = {},
): Promise<MonthEndProjection> {
  const now = opts.now ?? new Date();
  const days = opts.runRateDays ?? 7;
  const ws = await db.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timezone: true } });
  const [month] = await db.sql.query<{ start: Date; end: Date }>(
    `SELECT date_trunc('month', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AS start,
            (date_trunc('month', $1::timestamptz AT TIME ZONE $2) + interval '1 month') AT TIME ZONE $2 AS end`,
    [now.toISOString(), ws.timezone],
  );
  const start = month!.start.getTime();
  const end = month!.end.getTime();
  const spend = async (from: number, to: number) => {
    if (to <= from) return new Decimal(0);
    const { rows } = await runMetricsQuery(db, workspaceId, {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      measures: ["cost_usd"],
      filters: opts.filters,
    });
    return new Decimal((rows[0]?.cost_usd as string | undefined) ?? "0");
  };
  const [mtd, recent] = await Promise.all([spend(start, now.getTime()), spend(now.getTime() - days * DAY, now.getTime())]);
  const daily = recent.div(days);
  const remainingDays = new Decimal(Math.max(0, end - now.getTime())).div(DAY);
  return {
    timezone: ws.timezone,
    monthStart: new Date(start).toISOString(),
    monthEnd: new Date(end).toISOString(),
    asOf: now.toISOString(),
    monthToDateUsd: mtd.toFixed(10),
    runRateDailyUsd: daily.toDecimalPlaces(10).toFixed(10),
    projectedMonthUsd: mtd.plus(daily.times(remainingDays)).toDecimalPlaces(10).toFixed(10),
    method: `month-to-date spend + average daily spend of the last ${days} days × days left in the month`,
  };
}
