import type { ContractTermView } from "@/lib/pricing/list-contract-terms";
import { cell, day, head, usd } from "./format";

function terms(t: ContractTermView): string {
  if (t.kind === "discount") return `${t.discountPercent}% off list`;
  if (t.kind === "commitment") return `${usd(t.monthlyAmountUsd ?? "0")} / month, allocated over tokens`;
  const p = t.prices ?? {};
  return (
    Object.entries(p)
      .map(([k, v]) => `${k} $${v}`)
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
  if (rows.length === 0)
    return <p className="px-4 py-4 text-sm text-zinc-600 dark:text-zinc-400">No contract terms: effective cost equals list cost.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="contract-terms">
        <thead>
          <tr>
            <th scope="col" className={head}>
              Name
            </th>
            <th scope="col" className={head}>
              Kind
            </th>
            <th scope="col" className={head}>
              Applies to
            </th>
            <th scope="col" className={head}>
              Terms
            </th>
            <th scope="col" className={head}>
              Effective
            </th>
            {deleteAction ? (
              <th scope="col" className={head}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((t) => (
            <tr key={t.id}>
              <td className={`${cell} font-medium`}>{t.name}</td>
              <td className={cell}>{KIND_LABEL[t.kind] ?? t.kind}</td>
              <td className={cell}>
                {[t.provider ?? "any provider", t.model ?? "any model"].join(" / ")}
                {t.variant ? <div className="text-xs text-zinc-500">{t.variant} only</div> : null}
              </td>
              <td className={`${cell} tabular-nums`}>{terms(t)}</td>
              <td className={`${cell} whitespace-nowrap`}>
                {day(t.effectiveFrom)} → {t.effectiveTo ? day(t.effectiveTo) : "open"}
              </td>
              {deleteAction ? (
                <td className={cell}>
                  <form action={deleteAction}>
                    <input type="hidden" name="termId" value={t.id} />
                    <button
                      type="submit"
                      className="rounded-md px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950"
                    >
                      Delete
                    </button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
