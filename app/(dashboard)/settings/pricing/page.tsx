import type { Metadata } from "next";
import { AddContractForm } from "@/components/pricing/add-contract-form";
import { CatalogCard } from "@/components/pricing/catalog-card";
import { ContractTermsTable } from "@/components/pricing/contract-terms-table";
import { PriceRowsTable } from "@/components/pricing/price-rows-table";
import { RefreshWhileRunning } from "@/components/pricing/refresh-while-running";
import { RepricingRunsTable } from "@/components/pricing/repricing-runs-table";
import { UnknownModelsTable } from "@/components/pricing/unknown-models-table";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatCount } from "@/lib/format/format";
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
        <Alert tone="danger" live title="The change was not saved">
          {error}
        </Alert>
      ) : null}
      {saved ? (
        <Alert tone="success" live="polite">
          Contract term {first("saved") ? "saved" : "deleted"}.
          {first("run") ? ` Re-pricing run #${first("run")} is updating past events.` : ""}
        </Alert>
      ) : null}

      <CatalogCard catalog={catalog} />

      <Card aria-labelledby="unknown-title">
        <CardHeader
          id="unknown-title"
          title={
            <>
              Unknown models{" "}
              <span className="ml-1 align-middle" data-testid="unknown-count">
                <Badge tone={unknown.totalEvents > 0 ? "warning" : "neutral"}>{formatCount(unknown.totalEvents)} events</Badge>
              </span>
            </>
          }
          description="Priced at zero and never guessed. Add a custom price below to cost them; past events are re-priced."
        />
        <UnknownModelsTable models={unknown.models} />
      </Card>

      <Card aria-labelledby="prices-title">
        <CardHeader
          id="prices-title"
          title="List prices of the models you use"
          description="USD per million tokens from the catalog row in force now (last 30 days of events). Cached and reasoning tokens without their own price bill at the input / output price."
        />
        <PriceRowsTable models={models} />
      </Card>

      <Card aria-labelledby="contracts-title">
        <CardHeader
          id="contracts-title"
          title="Contract"
          description={`Effective cost = list cost after these terms: a custom price replaces the rate card, a commitment spreads its monthly amount over the covered tokens, otherwise the most specific discount applies.${canManage ? "" : " Owners, admins and finance can change them."}`}
        />
        <ContractTermsTable terms={terms} deleteAction={canManage ? deleteContractAction : null} />
        {canManage ? (
          <CardBody className="border-t border-zinc-200 dark:border-zinc-800">
            <h3 className="mb-3 text-sm font-semibold text-zinc-900 dark:text-zinc-50">Add a term</h3>
            <AddContractForm action={addContractAction} />
          </CardBody>
        ) : null}
      </Card>

      <Card aria-labelledby="runs-title">
        <CardHeader
          id="runs-title"
          title="Re-pricing runs"
          description="Every change to prices or contracts that reaches into the past re-prices that window in the background. Each run is kept as the audit record."
        />
        <RepricingRunsTable runs={runs} />
      </Card>
    </div>
  );
}
