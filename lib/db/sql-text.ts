/**
 * Building blocks of hand-written SQL text, shared by every statement builder (metrics queries, rollup
 * refreshes, …). Values always travel as positional parameters (`Params`); identifiers are spliced in
 * only through `ident()`, which accepts nothing but the plain lowercase names our typed registries
 * (cubes, dimensions, base columns, measures) declare, so input can never reach SQL text.
 */

/** Positional parameters of one statement: `add(v)` returns its placeholder (`$1`, `$2`, …). */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

const IDENT = /^[a-z0-9_]+$/;

/** A quoted identifier; throws for anything but `[a-z0-9_]+` (a registry bug, never user input). */
export function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`ident(): refusing the identifier ${JSON.stringify(name)}: only [a-z0-9_]+ from a typed registry`);
  return `"${name}"`;
}

export const iso = (ms: number) => new Date(ms).toISOString();

export type TimeRange = { lo: number; hi: number };

/** `(col >= $a AND col < $b) OR …`: literal ranges give the planner true estimates and partition pruning. */
export function rangeCondition(column: string, ranges: readonly TimeRange[], p: Params): string {
  if (ranges.length < 1) throw new RangeError("at least one range is needed");
  return `(${ranges.map((r) => `(${column} >= ${p.add(iso(r.lo))}::timestamptz AND ${column} < ${p.add(iso(r.hi))}::timestamptz)`).join(" OR ")})`;
}
