"use server";

import { redirect } from "next/navigation";
import { userActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { contractInputFromForm } from "@/lib/pricing/contract-form";
import { parseId } from "@/lib/http/parse-id";
import { createContractTerm, deleteContractTerm } from "@/lib/pricing/save-contract-term";

const PAGE = "/settings/pricing";

function failed(err: unknown): never {
  if (err instanceof ApiError) {
    const detail = Array.isArray(err.details)
      ? (err.details as { path?: string; message?: string }[]).map((d) => [d.path, d.message].filter(Boolean).join(": ")).join("; ")
      : "";
    redirect(`${PAGE}?error=${encodeURIComponent(detail ? `${err.message} (${detail})` : err.message)}`);
  }
  throw err;
}

/** Server actions are public endpoints: permission and workspace are resolved here, never taken from the form. */
export async function addContractAction(form: FormData): Promise<void> {
  const access = await requirePermission("pricing:manage");
  let saved;
  try {
    saved = await createContractTerm(
      await getDb(),
      { workspaceId: access.workspace.id, actor: userActor(access) },
      contractInputFromForm(form),
    );
  } catch (err) {
    failed(err);
  }
  redirect(`${PAGE}?saved=${saved.termId}${saved.repricingRunId ? `&run=${saved.repricingRunId}` : ""}`);
}

export async function deleteContractAction(form: FormData): Promise<void> {
  const access = await requirePermission("pricing:manage");
  let saved;
  try {
    const id = parseId(String(form.get("termId") ?? ""), "contract term");
    saved = await deleteContractTerm(await getDb(), { workspaceId: access.workspace.id, actor: userActor(access) }, id);
  } catch (err) {
    failed(err);
  }
  redirect(`${PAGE}?deleted=${saved.termId}${saved.repricingRunId ? `&run=${saved.repricingRunId}` : ""}`);
}
