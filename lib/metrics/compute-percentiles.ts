import type { SqlExecutor } from "@/lib/db/sql";
import type { SketchName } from "@/lib/rollups/base-columns";
import { SketchMerger, sketchValue } from "@/lib/rollups/sketch";
import { measureSpec, type Measure } from "./measures";
import type { MetricsQuery } from "./query-schema";
import { Params } from "@/lib/db/sql-text";
import { sketchSql, type SourceSpec } from "./query-sql";

type Row = Record<string, string | number | null>;

/**
 * "12,13,-1" → [12, 13, -1] (integers written by Postgres' array_to_string): one pass over the char
 * codes, no intermediate strings — this parse is most of a long-range percentile query's time in Node.
 */
export function parseList(text: string): Float64Array {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  const out = new Float64Array(count);
  let n = 0;
  let v = 0;
  let neg = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      out[n++] = neg ? -v : v;
      v = 0;
      neg = false;
    } else if (c === 45) neg = true;
    else v = v * 10 + (c - 48);
  }
  out[n] = neg ? -v : v;
  return out;
}

/**
 * The spec with its plan cut down to the sources that fall in the wanted output buckets (1-based
 * indexes), so an hourly series with one multi-row bucket does not read 2,000 other rows' bins.
 */
function restrictToBuckets(spec: SourceSpec, wanted: ReadonlySet<number>): SourceSpec {
  const bounds = spec.bounds;
  if (!bounds) return spec;
  // Output bucket of an instant: the last bound at or before it (bounds[0] is `from`).
  const indexOf = (t: number) => {
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bounds[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const grains: SourceSpec["plan"]["grains"] = {};
  for (const [g, starts] of Object.entries(spec.plan.grains) as [keyof typeof grains, number[]][]) {
    grains[g] = starts.filter((t) => wanted.has(indexOf(t)));
  }
  const raw = spec.plan.raw.flatMap((r) => {
    const out: { lo: number; hi: number }[] = [];
    for (const bi of wanted) {
      const lo = Math.max(r.lo, bounds[bi - 1] as number);
      const hi = Math.min(r.hi, bi < bounds.length ? (bounds[bi] as number) : Infinity);
      if (lo < hi) out.push({ lo, hi });
    }
    return out;
  });
  return { ...spec, plan: { ...spec.plan, grains, raw } };
}

/**
 * Fills the percentile measures of `rows` (one per output bucket and series, `bi` set) with one statement
 * for all sketches: per group either Postgres' answer from the group's single row, or every row's bins,
 * merged here in one reused dense array per sketch. Groups without events keep null. `groups`: the
 * (bucket index, dimension tuple) groups to fill — the others were answered by the sums statement.
 */
export async function computePercentiles(
  tx: SqlExecutor,
  spec: SourceSpec,
  q: MetricsQuery,
  sketches: readonly SketchName[],
  rows: Row[],
  groups: readonly { bi: number; dims: readonly string[] }[],
): Promise<void> {
  if (groups.length === 0) return;
  const keyOf = (bi: unknown, r: Record<string, unknown>) => [String(bi), ...q.dimensions.map((d) => String(r[d] ?? ""))].join("\u0001");
  const byGroup = new Map<string, Row>();
  for (const r of rows) byGroup.set(keyOf(r.bi, r), r);
  const plan = sketches.map((sketch) => {
    const measures = q.measures.filter((m) => {
      const s = measureSpec(m);
      return s.kind === "percentile" && s.sketch === sketch;
    });
    const qs = measures.map((m) => {
      const s = measureSpec(m);
      return s.kind === "percentile" ? s.q : 0.5;
    });
    return { sketch, measures, qs, merger: new SketchMerger() };
  });
  const p = new Params();
  const text = sketchSql(restrictToBuckets(spec, new Set(groups.map((g) => g.bi))), plan, p, groups);
  if (!text) return;
  const result = await tx.query<Record<string, unknown> & { bi: number }>(text, p.values);
  const set = (key: string, measures: readonly Measure[], values: readonly (number | null)[]) => {
    const row = byGroup.get(key);
    if (!row) return;
    measures.forEach((m, i) => {
      const v = values[i];
      row[m] = v === null || v === undefined ? null : Math.round(v * 100) / 100;
    });
  };
  // Bins of groups served by several rows, collected per group (rows arrive in no order), merged last.
  const pending = new Map<string, { keys: Float64Array; cum: Float64Array }[][]>();
  for (const r of result) {
    const key = keyOf(r.bi, r);
    plan.forEach((s, i) => {
      const qkeys = r[`q${i}`] as (number | null)[] | null;
      if (qkeys) {
        // Answered by Postgres from the group's single row.
        set(
          key,
          s.measures,
          qkeys.map((k) => (k === null ? null : sketchValue(k))),
        );
        return;
      }
      const keys = r[`k${i}`] as string | null;
      const cum = r[`c${i}`] as string | null;
      if (!keys || !cum) return;
      let lists = pending.get(key);
      if (!lists) pending.set(key, (lists = plan.map(() => [])));
      lists[i]!.push({ keys: parseList(keys), cum: parseList(cum) });
    });
  }
  for (const [key, lists] of pending) {
    plan.forEach((s, i) => {
      const parts = lists[i] ?? [];
      if (parts.length === 0) return;
      for (const part of parts) s.merger.add(part.keys, part.cum);
      set(key, s.measures, s.merger.quantiles(s.qs));
      s.merger.reset();
    });
  }
}
