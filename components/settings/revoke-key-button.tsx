"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { RevokeKeyState } from "./key-action-state";

type Action = (prev: RevokeKeyState, form: FormData) => Promise<RevokeKeyState>;

/** Revoking is irreversible and breaks whatever uses the key, so it asks first (a native modal dialog). */
export function RevokeKeyButton({ action, keyId, keyName, prefix }: { action: Action; keyId: number; keyName: string; prefix: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (state.status === "revoked") dialog.current?.close();
  }, [state]);

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => dialog.current?.showModal()} aria-label={`Revoke ${keyName}`}>
        Revoke
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`revoke-title-${keyId}`}
        className="m-auto w-[28rem] text-left max-w-[calc(100vw-2rem)] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form action={formAction} className="space-y-4 p-5">
          <input type="hidden" name="keyId" value={keyId} />
          <h2 id={`revoke-title-${keyId}`} className="text-base font-semibold">
            Revoke “{keyName}”?
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Requests using the key <code className="font-mono">{prefix}…</code> will be refused immediately. This cannot be undone.
          </p>
          {state.status === "error" ? (
            <Alert tone="danger" live>
              {state.message}
            </Alert>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Revoking…" : "Revoke key"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
