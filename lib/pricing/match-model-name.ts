import { z } from "zod";

/**
 * The catalog's name-matching rules (the same logic @pydantic/genai-prices applies): case-insensitive
 * equals / starts_with / ends_with / contains, a regex, and and/or combinations.
 */
export type MatchLogic =
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string }
  | { and: MatchLogic[] }
  | { or: MatchLogic[] };

export const matchLogicSchema: z.ZodType<MatchLogic> = z.lazy(() =>
  z.union([
    z.object({ equals: z.string() }).strict(),
    z.object({ starts_with: z.string() }).strict(),
    z.object({ ends_with: z.string() }).strict(),
    z.object({ contains: z.string() }).strict(),
    z.object({ regex: z.string() }).strict(),
    z.object({ and: z.array(matchLogicSchema) }).strict(),
    z.object({ or: z.array(matchLogicSchema) }).strict(),
  ]),
);

const regexCache = new Map<string, RegExp>();

/** `name` must already be lower-cased and trimmed (the catalog's regexes are written for that). */
export function matchesName(logic: MatchLogic, name: string): boolean {
  if ("or" in logic) return logic.or.some((l) => matchesName(l, name));
  if ("and" in logic) return logic.and.every((l) => matchesName(l, name));
  if ("equals" in logic) return name === logic.equals.toLowerCase();
  if ("starts_with" in logic) return name.startsWith(logic.starts_with.toLowerCase());
  if ("ends_with" in logic) return name.endsWith(logic.ends_with.toLowerCase());
  if ("contains" in logic) return name.includes(logic.contains.toLowerCase());
  let re = regexCache.get(logic.regex);
  if (!re) {
    re = new RegExp(logic.regex);
    regexCache.set(logic.regex, re);
  }
  return re.test(name);
}

const COMPACT_DATE = /(-)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g;

/**
 * Snapshot names come as `-20240806` and as `-2024-08-06` depending on the provider; the catalog lists
 * one form. Rewrites compact valid dates to the dashed form (invalid dates are left alone).
 */
export function dashSnapshotDates(name: string): string {
  return name.replace(COMPACT_DATE, (whole, dash: string, y: string, m: string, d: string) => {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? `${dash}${y}-${m}-${d}` : whole;
  });
}
