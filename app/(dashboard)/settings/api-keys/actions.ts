"use server";

import { refresh } from "next/cache";
import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { createWorkspaceKey } from "@/lib/keys/create-workspace-key";
import { revokeWorkspaceKey } from "@/lib/keys/revoke-workspace-key";
import { memberContextOf } from "@/lib/members/member-context";
import type { CreateKeyState, RevokeKeyState } from "@/components/settings/key-action-state";

/**
 * Server actions are public endpoints: whoever holds a session can call them with any arguments, so
 * the role and workspace are resolved here and the rule is checked in lib/keys, not trusted from the UI.
 */
export async function createKeyAction(_prev: CreateKeyState, form: FormData): Promise<CreateKeyState> {
  const access = await requireAccess();
  try {
    const key = await createWorkspaceKey(await getPrisma(), memberContextOf(access), {
      name: String(form.get("name") ?? ""),
      scopes: form.getAll("scopes").map(String) as never,
    });
    refresh();
    return {
      status: "created",
      key: { id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes as string[] },
      secret: key.secret,
    };
  } catch (err) {
    if (err instanceof ApiError) return { status: "error", code: err.code, httpStatus: err.status, message: err.message };
    throw err;
  }
}

export async function revokeKeyAction(_prev: RevokeKeyState, form: FormData): Promise<RevokeKeyState> {
  const access = await requireAccess();
  try {
    await revokeWorkspaceKey(await getPrisma(), memberContextOf(access), form.get("keyId"));
    refresh();
    return { status: "revoked" };
  } catch (err) {
    if (err instanceof ApiError) return { status: "error", code: err.code, httpStatus: err.status, message: err.message };
    throw err;
  }
}
