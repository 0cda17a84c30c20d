import { assertCan, authorOf, type ActorContext } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open-database";
import type { SqlExecutor } from "@/lib/db/sql";
import { ApiError } from "@/lib/http/errors";
import { contractTermInputSchema, type ContractTermData, type ContractTermInput } from "./contract-schemas";
import { requestRepricing } from "./request-repricing";

export type SavedContractTerm = { termId: number; repricingRunId: number | null };

const COLUMNS = `kind, name, provider, model, variant, discount_percent, input_per_mtok, output_per_mtok, cache_read_per_mtok,
  cache_write_per_mtok, cache_write_1h_per_mtok, reasoning_per_mtok, tiers, monthly_amount_usd, effective_from, effective_to`;

function values(t: ContractTermData): unknown[] {
  const p = t.kind === "custom_price" ? t.prices : {};
  return [
    t.kind,
    t.name,
    t.provider,
    t.model,
    t.variant,
    t.kind === "discount" ? t.discountPercent : null,
    p.input ?? null,
    p.output ?? null,
    p.cacheRead ?? null,
    p.cacheWrite ?? null,
    p.cacheWrite1h ?? null,
    p.reasoning ?? null,
    JSON.stringify(t.kind === "custom_price" ? t.tiers : []),
    t.kind === "commitment" ? t.monthlyAmountUsd : null,
    t.effectiveFrom,
    t.effectiveTo,
  ];
}

function parse(input: ContractTermInput): ContractTermData {
  const r = contractTermInputSchema.safeParse(input);
  if (!r.success)
    throw new ApiError(
      "invalid_body",
      "the contract term is invalid",
      r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  return r.data;
}

/**
 * Contract writes go through raw SQL (lib/pricing may) because they must commit together with the
 * audited re-pricing run and its job: a term saved without its re-price would leave history wrong.
 * The run covers the part of the term's window that is already in the past. Every write is the actor's
 * (a member with pricing:manage, or an API key with the manage scope) and is attributed to it.
 */
export async function createContractTerm(db: Database, ctx: ActorContext, input: ContractTermInput): Promise<SavedContractTerm> {
  assertCan(ctx, "pricing:manage");
  const t = parse(input);
  const by = authorOf(ctx.actor);
  return db.sql.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO contract_terms (workspace_id, created_by_id, created_by_key_id, ${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17, $18, $19) RETURNING id`,
      [ctx.workspaceId, by.userId, by.keyId, ...values(t)],
    );
    const termId = row!.id;
    const runId = await requestRepricing(
      db,
      ctx,
      {
        reason: `contract term ${termId} (${t.kind}) created`,
        change: { action: "create", termId, after: describe(t) },
        windowFrom: t.effectiveFrom,
        windowTo: t.effectiveTo ?? new Date(),
      },
      tx,
    );
    return { termId, repricingRunId: runId };
  });
}

export async function updateContractTerm(
  db: Database,
  ctx: ActorContext,
  termId: number,
  input: ContractTermInput,
): Promise<SavedContractTerm> {
  assertCan(ctx, "pricing:manage");
  const t = parse(input);
  return db.sql.transaction(async (tx) => {
    const before = await lockTerm(tx, ctx.workspaceId, termId);
    await tx.query(
      `UPDATE contract_terms SET (${COLUMNS}, updated_at) = ($3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $17, $18, now())
       WHERE id = $1 AND workspace_id = $2`,
      [termId, ctx.workspaceId, ...values(t)],
    );
    // Both the old and the new window may hold events whose cost changes.
    const from = before.effective_from < t.effectiveFrom ? before.effective_from : t.effectiveFrom;
    const oldTo = before.effective_to ?? new Date();
    const newTo = t.effectiveTo ?? new Date();
    const runId = await requestRepricing(
      db,
      ctx,
      {
        reason: `contract term ${termId} (${t.kind}) updated`,
        change: { action: "update", termId, before: before.snapshot, after: describe(t) },
        windowFrom: from,
        windowTo: oldTo > newTo ? oldTo : newTo,
      },
      tx,
    );
    return { termId, repricingRunId: runId };
  });
}

export async function deleteContractTerm(db: Database, ctx: ActorContext, termId: number): Promise<SavedContractTerm> {
  assertCan(ctx, "pricing:manage");
  return db.sql.transaction(async (tx) => {
    const before = await lockTerm(tx, ctx.workspaceId, termId);
    await tx.query(`DELETE FROM contract_terms WHERE id = $1 AND workspace_id = $2`, [termId, ctx.workspaceId]);
    const runId = await requestRepricing(
      db,
      ctx,
      {
        reason: `contract term ${termId} (${before.snapshot.kind}) deleted`,
        change: { action: "delete", termId, before: before.snapshot },
        windowFrom: before.effective_from,
        windowTo: before.effective_to ?? new Date(),
      },
      tx,
    );
    return { termId, repricingRunId: runId };
  });
}

async function lockTerm(tx: SqlExecutor, workspaceId: number, termId: number) {
  const [row] = await tx.query<{ effective_from: Date; effective_to: Date | null; snapshot: Record<string, unknown> & { kind: string } }>(
    `SELECT effective_from, effective_to, to_jsonb(t) - 'workspace_id' - 'created_at' - 'updated_at' AS snapshot
     FROM contract_terms t WHERE id = $1 AND workspace_id = $2 FOR UPDATE`,
    [termId, workspaceId],
  );
  if (!row) throw new ApiError("not_found", `no contract term ${termId} in this workspace`);
  return row;
}

function describe(t: ContractTermData): Record<string, unknown> {
  return { ...t, effectiveFrom: t.effectiveFrom.toISOString(), effectiveTo: t.effectiveTo?.toISOString() ?? null };
}
