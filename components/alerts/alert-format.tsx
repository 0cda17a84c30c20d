import { Badge, type BadgeTone } from "@/components/ui/badge";
import { shortDecimal } from "@/lib/alerts/short-decimal";

/** `2026-11-03 14:05 UTC`: one unambiguous zone for every viewer (the server renders it). */
export function formatAt(iso: string | null): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A decimal cut for a table cell; the exact value stays in the title (lib/alerts/short-decimal.ts). */
export function ShortValue({ value, empty = "—" }: { value: string | null; empty?: string }) {
  if (value === null) return <>{empty}</>;
  return <span title={value}>{shortDecimal(value)}</span>;
}

/** `provider=openai, model=x`; events without the dimension show as "(none)"; an ungrouped rule is "all". */
export function GroupValues({ group }: { group: Record<string, string> }) {
  const entries = Object.entries(group);
  if (entries.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">all</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {entries.map(([k, v]) => (
        <code key={k} className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
          {k}={v === "" ? "(none)" : v}
        </code>
      ))}
    </span>
  );
}

const STATE_TONE: Record<string, BadgeTone> = {
  firing: "danger",
  no_data: "danger",
  warning: "warning",
  pending: "brand",
  resolved: "success",
  ok: "neutral",
};

export function StateBadge({ state }: { state: string }) {
  return <Badge tone={STATE_TONE[state] ?? "neutral"}>{state.replace("_", " ")}</Badge>;
}

export function SeverityBadge({ severity }: { severity: string }) {
  return <Badge tone={severity === "critical" ? "danger" : "warning"}>{severity}</Badge>;
}
