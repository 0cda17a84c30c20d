import { ident } from "@/lib/db/sql-text";
import type { Dimension } from "@/lib/rollups/dimensions";
import type { ColumnRef } from "./measures";
import { measureSpec, type Measure } from "./measures";
import type { MetricsQuery } from "./query-schema";

type Row = Record<string, string | number | null>;

export type OrderPlan = {
  /** Whether series can be ranked (and cut to the limit) in SQL: no percentile in the ordering. */
  inSql: boolean;
  /** ORDER BY list ranking series, given an accessor to a base column summed over the series. */
  rankSql(totals: ColumnRef): string;
  /** The same ordering over finished rows (percentile orderings, no granularity). */
  sortInNode(rows: Row[]): Row[];
  bucketDirection: "asc" | "desc";
};

type Spec = { field: string; direction: "asc" | "desc" };

/**
 * The ordering of a query: `orderBy` as given, else the first non-percentile measure descending (the
 * largest series first), ties and the rest by dimensions ascending, so answers are deterministic.
 */
export function orderPlan(q: MetricsQuery): OrderPlan {
  const given: Spec[] = q.orderBy ?? [];
  const fallback = q.measures.find((m) => measureSpec(m).kind !== "percentile");
  const specs = (given.length > 0 ? given : fallback ? [{ field: fallback, direction: "desc" as const }] : []).filter(
    (s) => s.field !== "bucket",
  );
  const isMeasure = (f: string): f is Measure => (q.measures as string[]).includes(f);
  // A field reaches SQL only as a name found in the query's own (registry-validated) dimensions.
  const dimension = (f: string): Dimension => {
    const d = q.dimensions.find((x) => x === f);
    if (d === undefined) throw new RangeError(`orderBy field ${JSON.stringify(f)} is neither a requested measure nor a dimension`);
    return d;
  };
  const inSql = specs.every((s) => !isMeasure(s.field) || measureSpec(s.field).kind !== "percentile");
  const tieBreak = q.dimensions.map((d) => `${ident(d)} ASC`);
  return {
    inSql,
    rankSql(totals) {
      const parts = inSql
        ? specs.map((s) => {
            if (!isMeasure(s.field)) return `${ident(dimension(s.field))} ${s.direction.toUpperCase()}`;
            const spec = measureSpec(s.field);
            if (spec.kind === "percentile") throw new Error("unreachable: percentile ranked in SQL");
            return `${spec.sql(totals)} ${s.direction.toUpperCase()} NULLS LAST`;
          })
        : [];
      return [...parts, ...tieBreak].join(", ") || "1";
    },
    sortInNode(rows) {
      const cmp = (a: Row, b: Row) => {
        for (const s of specs) {
          const c = compareValues(a[s.field] ?? null, b[s.field] ?? null, s.direction);
          if (c !== 0) return c;
        }
        for (const d of q.dimensions) {
          const c = compareValues(a[d] ?? null, b[d] ?? null, "asc");
          if (c !== 0) return c;
        }
        return 0;
      };
      return [...rows].sort(cmp);
    },
    bucketDirection: given.find((s) => s.field === "bucket")?.direction ?? "asc",
  };
}

/** Nulls last in both directions; numbers and decimal strings compare numerically. */
function compareValues(a: string | number | null, b: string | number | null, dir: "asc" | "desc"): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const na = typeof a === "number" ? a : Number(a);
  const nb = typeof b === "number" ? b : Number(b);
  const c = Number.isFinite(na) && Number.isFinite(nb) && typeof a === typeof b ? na - nb : String(a).localeCompare(String(b));
  return dir === "asc" ? c : -c;
}
