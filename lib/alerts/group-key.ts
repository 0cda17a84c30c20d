import { createHash } from "node:crypto";

export type Group = Record<string, string>;

/** A group's canonical text (keys sorted): the identity of (rule, group) with the rule's id. */
export function groupKey(group: Group): string {
  return JSON.stringify(
    Object.keys(group)
      .sort()
      .map((k) => [k, group[k]]),
  );
}

/**
 * Stable per (rule, group) across episodes and renotifications (PagerDuty dedup_key, Alertmanager
 * identity): short and bounded (≤ 255) whatever the group's values.
 */
export function dedupKey(workspaceId: number, ruleKind: string, ruleId: number, key: string): string {
  const digest = createHash("sha256").update(key).digest("hex").slice(0, 24);
  return `unitscope-${workspaceId}-${ruleKind}-${ruleId}-${digest}`;
}

/** A metrics row's dimension values → the group (a missing value, events without the field, is ""). */
export function groupOf(row: Record<string, unknown>, dimensions: readonly string[]): Group {
  return Object.fromEntries(dimensions.map((d) => [d, row[d] === null || row[d] === undefined ? "" : String(row[d])]));
}
