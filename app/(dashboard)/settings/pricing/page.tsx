import type { Metadata } from "next";
import { AddContractForm } from "@/components/pricing/add-contract-form";
import { CatalogCard } from "@/components/pricing/catalog-card";
import { ContractTermsTable } from "@/components/pricing/contract-terms-table";
import { muted, section, sectionHeader, title } from "@/components/pricing/format";
import { PriceRowsTable } from "@/components/pricing/price-rows-table";
import { RefreshWhileRunning } from "@/components/pricing/refresh-while-running";
import { RepricingRunsTable } from "@/components/pricing/repricing-runs-table";
import { UnknownModelsTable } from "@/components/pricing/unknown-models-table";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getCatalogSummary } from "@/lib/pricing/catalog-summary";
import { listContractTerms } from "@/lib/pricing/list-contract-terms";
import { listModelsInUse } from "@/lib/pricing/list-models-in-use";
import { listRepricingRuns } from "@/lib/pricing/list-repricing-runs";
import { listUnknownModels } from "@/lib/pricing/list-unknown-models";
import { addContractAction, deleteContractAction } from "./actions";

export const metadata: Metadata = { title: "Pricing" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function PricingSettingsPage({ searchParams }: { searchParams: Search }) {
  const access = await requirePermission("pricing:read");
  const db = await getDb();
  const ws = access.workspace.id;
  const params = await searchParams;
  const first = (k: string) => (Array.isArray(params[k]) ? params[k][0] : params[k]);
  // Sequential on purpose: on the embedded database every query shares one connection anyway.
  const catalog = await getCatalogSummary(db);
  const unknown = await listUnknownModels(db, ws);
  const models = await listModelsInUse(db, ws);
  const terms = await listContractTerms(db, ws);
  const runs = await listRepricingRuns(db, ws, 20);
  const canManage = can(access.role, "pricing:manage");
  const busy = runs.some((r) => r.status === "queued" || r.status === "running");
  const error = first("error");
  const saved = first("saved") ?? first("deleted");

  return (
    <div className="space-y-6" data-testid="pricing-settings">
      <RefreshWhileRunning active={busy} />
      {error ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}
      {saved ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
        >
          Contract term {first("saved") ? "saved" : "deleted"}.
          {first("run") ? ` Re-pricing run #${first("run")} is updating past events.` : ""}
        </p>
      ) : null}

      <CatalogCard catalog={catalog} />

      <section aria-labelledby="unknown-title" className={section}>
        <div className={sectionHeader}>
          <h2 id="unknown-title" className={title}>
            Unknown models{" "}
            <span
              className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-sm font-medium text-amber-800 dark:bg-amber-900/40 dark:text-amber-200"
              data-testid="unknown-count"
            >
              {unknown.totalEvents.toLocaleString("en-US")} events
            </span>
          </h2>
          <p className={muted}>Priced at zero and never guessed. Add a custom price below to cost them; past events are re-priced.</p>
        </div>
        <UnknownModelsTable models={unknown.models} />
      </section>

      <section aria-labelledby="prices-title" className={section}>
        <div className={sectionHeader}>
          <h2 id="prices-title" className={title}>
            List prices of the models you use
          </h2>
          <p className={muted}>
            USD per million tokens from the catalog row in force now (last 30 days of events). Cached and reasoning tokens without their own
            price bill at the input / output price.
          </p>
        </div>
        <PriceRowsTable models={models} />
      </section>

      <section aria-labelledby="contracts-title" className={section}>
        <div className={sectionHeader}>
          <h2 id="contracts-title" className={title}>
            Contract
          </h2>
          <p className={muted}>
            Effective cost = list cost after these terms: a custom price replaces the rate card, a commitment spreads its monthly amount
            over the covered tokens, otherwise the most specific discount applies.
            {canManage ? "" : " Owners, admins and finance can change them."}
          </p>
        </div>
        <ContractTermsTable terms={terms} deleteAction={canManage ? deleteContractAction : null} />
        {canManage ? (
          <div className="border-t border-zinc-200 dark:border-zinc-800">
            <AddContractForm action={addContractAction} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="runs-title" className={section}>
        <div className={sectionHeader}>
          <h2 id="runs-title" className={title}>
            Re-pricing runs
          </h2>
          <p className={muted}>
            Every change to prices or contracts that reaches into the past re-prices that window in the background. Each run is kept as the
            audit record.
          </p>
        </div>
        <RepricingRunsTable runs={runs} />
      </section>
    </div>
  );
}
