import type { Database } from "@/lib/db/open-database";
import type { ContractTerm } from "@/lib/db/generated/client";

const dec = (v: { toString(): string } | null) => (v === null ? null : v.toString());

/** A contract term as the API and the settings page show it (decimal strings). */
export function contractTermView(t: ContractTerm) {
  return {
    id: t.id,
    kind: t.kind,
    name: t.name,
    provider: t.provider,
    model: t.model,
    variant: t.variant,
    discountPercent: dec(t.discountPercent),
    prices:
      t.kind === "custom_price"
        ? Object.fromEntries(
            Object.entries({
              input: dec(t.inputPerMtok),
              output: dec(t.outputPerMtok),
              cacheRead: dec(t.cacheReadPerMtok),
              cacheWrite: dec(t.cacheWritePerMtok),
              cacheWrite1h: dec(t.cacheWrite1hPerMtok),
              reasoning: dec(t.reasoningPerMtok),
            }).filter(([, v]) => v !== null),
          )
        : null,
    tiers: t.kind === "custom_price" ? t.tiers : null,
    monthlyAmountUsd: dec(t.monthlyAmountUsd),
    effectiveFrom: t.effectiveFrom.toISOString(),
    effectiveTo: t.effectiveTo?.toISOString() ?? null,
    createdById: t.createdById,
    createdByKeyId: t.createdByKeyId,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
export type ContractTermView = ReturnType<typeof contractTermView>;

export async function listContractTerms(db: Database, workspaceId: number): Promise<ContractTermView[]> {
  const terms = await db.prisma.contractTerm.findMany({ where: { workspaceId }, orderBy: [{ effectiveFrom: "desc" }, { id: "desc" }] });
  return terms.map(contractTermView);
}

export async function getContractTerm(db: Database, workspaceId: number, id: number): Promise<ContractTermView | null> {
  const t = await db.prisma.contractTerm.findFirst({ where: { id, workspaceId } });
  return t && contractTermView(t);
}
