import { Button } from "@/components/ui/button";
import { Table, Td, Tr, type TableHeading } from "@/components/ui/table";
import { formatDate, formatUsdExact } from "@/lib/format/format";
import type { ContractTermView } from "@/lib/pricing/list-contract-terms";

function terms(t: ContractTermView): string {
  if (t.kind === "discount") return `${t.discountPercent}% off list`;
  if (t.kind === "commitment") return `${formatUsdExact(t.monthlyAmountUsd ?? "0")} / month, allocated over tokens`;
  const p = t.prices ?? {};
  return (
    Object.entries(p)
      .map(([k, v]) => `${k} ${formatUsdExact(v ?? "0")}`)
      .join(" · ") + " per 1M tokens"
  );
}

const KIND_LABEL = { discount: "Discount", custom_price: "Custom price", commitment: "Commitment" } as Record<string, string>;

export function ContractTermsTable({
  terms: rows,
  deleteAction,
}: {
  terms: ContractTermView[];
  deleteAction: ((form: FormData) => Promise<void>) | null;
}) {
  const columns: TableHeading[] = [
    { label: "Name" },
    { label: "Kind" },
    { label: "Applies to" },
    { label: "Terms" },
    { label: "Effective" },
    ...(deleteAction ? [{ label: "Actions", srOnly: true }] : []),
  ];
  return (
    <Table caption="Contract terms" testId="contract-terms" empty="No contract terms: effective cost equals list cost." columns={columns}>
      {rows.map((t) => (
        <Tr key={t.id}>
          <Td className="font-medium">{t.name}</Td>
          <Td>{KIND_LABEL[t.kind] ?? t.kind}</Td>
          <Td>
            {[t.provider ?? "any provider", t.model ?? "any model"].join(" / ")}
            {t.variant ? <div className="text-xs text-zinc-500 dark:text-zinc-400">{t.variant} only</div> : null}
          </Td>
          <Td className="tabular-nums">{terms(t)}</Td>
          <Td className="whitespace-nowrap">
            {formatDate(t.effectiveFrom)} → {t.effectiveTo ? formatDate(t.effectiveTo) : "open"}
          </Td>
          {deleteAction ? (
            <Td className="text-right">
              <form action={deleteAction} className="-my-1.5">
                <input type="hidden" name="termId" value={t.id} />
                <Button type="submit" variant="secondary" size="sm" aria-label={`Delete ${t.name}`}>
                  Delete
                </Button>
              </form>
            </Td>
          ) : null}
        </Tr>
      ))}
    </Table>
  );
}
