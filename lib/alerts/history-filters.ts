/**
 * The Alerts page's history filters as they live in the URL (`?state=&rule=`): parsed leniently, so a
 * hand-edited or stale link shows the default view instead of an error page.
 */
export const HISTORY_STATES = ["all", "open", "resolved"] as const;
export type HistoryState = (typeof HISTORY_STATES)[number];
export type HistoryFilters = { state: HistoryState; ruleId: number | null };

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseHistoryFilters(params: Params): HistoryFilters {
  const s = first(params.state);
  const state = (HISTORY_STATES as readonly string[]).includes(s ?? "") ? (s as HistoryState) : "all";
  const r = Number(first(params.rule));
  return { state, ruleId: Number.isInteger(r) && r > 0 ? r : null };
}

/** The query string of a filter choice (defaults left out, so the plain page URL is the default view). */
export function historyQuery(f: HistoryFilters): string {
  const q = new URLSearchParams();
  if (f.state !== "all") q.set("state", f.state);
  if (f.ruleId !== null) q.set("rule", String(f.ruleId));
  const s = q.toString();
  return s ? `?${s}` : "";
}
