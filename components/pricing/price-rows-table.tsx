import { Badge } from "@/components/ui/badge";
import { Table, Td, Tr } from "@/components/ui/table";
import { formatCount, formatDate, formatUsdExact } from "@/lib/format/format";
import type { ModelInUse } from "@/lib/pricing/list-models-in-use";
import type { PriceRowView } from "@/lib/pricing/price-row-view";

const CLASSES = [
  ["input", "Input"],
  ["cacheRead", "Cache read"],
  ["cacheWrite", "Cache write 5m"],
  ["cacheWrite1h", "Cache write 1h"],
  ["output", "Output"],
  ["reasoning", "Reasoning"],
] as const;

const none = <span className="text-zinc-400 dark:text-zinc-500">—</span>;

function price(v: string | undefined) {
  return v === undefined ? none : formatUsdExact(v);
}

/** When the row applies: "always" for the catalog's open-ended rows (effective from the epoch). */
function inForce(row: PriceRowView): string {
  const from = row.effectiveFrom.startsWith("1970-01-01") ? "always" : `from ${formatDate(row.effectiveFrom)}`;
  const to = row.effectiveTo ? ` to ${formatDate(row.effectiveTo)}` : "";
  const window = row.utcWindow ? ` (${row.utcWindow.from}–${row.utcWindow.to} UTC)` : "";
  return `${from}${to}${window}`;
}

/** The catalog row pricing each model the workspace uses, per million tokens. */
export function PriceRowsTable({ models }: { models: ModelInUse[] }) {
  return (
    <Table
      caption="List prices per million tokens"
      testId="price-rows"
      empty="No events in the last 30 days."
      columns={[
        { label: "Model (as sent)" },
        { label: "Catalog entry" },
        ...CLASSES.map(([k, label]) => ({ key: k, label, align: "right" as const })),
        { label: "Tiers" },
        { label: "In force" },
      ]}
    >
      {models.map((m) => (
        <Tr key={`${m.provider}/${m.model}`}>
          <Td>
            <div className="font-medium text-zinc-900 dark:text-zinc-100">{m.model}</div>
            <div className="text-xs text-zinc-500 dark:text-zinc-400">
              {m.provider} · {formatCount(m.events)} events
            </div>
          </Td>
          <Td>
            {m.resolved ? (
              <>
                {m.resolved.catalogProvider}/{m.resolved.catalogModel}
                {m.resolved.via !== "name" ? <div className="text-xs text-zinc-500 dark:text-zinc-400">via {m.resolved.via}</div> : null}
              </>
            ) : (
              <Badge tone="warning">unknown</Badge>
            )}
          </Td>
          {CLASSES.map(([k]) => (
            <Td key={k} align="right">
              {price(m.row?.perMillionTokens[k])}
            </Td>
          ))}
          <Td>
            {m.row?.tiers.length
              ? m.row.tiers.map((t) => (
                  <div key={t.aboveInputTokens} className="text-xs whitespace-nowrap">
                    &gt;{formatCount(t.aboveInputTokens)}: in {t.prices.input === undefined ? "—" : formatUsdExact(t.prices.input)} / out{" "}
                    {t.prices.output === undefined ? "—" : formatUsdExact(t.prices.output)}
                  </div>
                ))
              : none}
          </Td>
          <Td className="whitespace-nowrap">{m.row ? inForce(m.row) : none}</Td>
        </Tr>
      ))}
    </Table>
  );
}
