"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { CreateKeyState } from "./key-action-state";

type Action = (prev: CreateKeyState, form: FormData) => Promise<CreateKeyState>;

// What each scope grants is decided in lib/auth/key-scope-permissions.ts; these lines describe it.
const SCOPES = [
  { value: "ingest", label: "Ingest", help: "Send usage events and OpenTelemetry traces" },
  { value: "read", label: "Read", help: "Query metrics, prices, contracts and re-pricing runs from scripts" },
  {
    value: "manage",
    label: "Manage",
    help: "Change contracts, re-pricing, alerts, SLOs and budgets from automation (add Read to read them back); never keys or members",
  },
] as const;

export function CreateKeyForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const [dismissed, setDismissed] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const secretRef = useRef<HTMLDivElement>(null);
  const nameId = useId();
  const scopesHelpId = useId();

  useEffect(() => {
    if (state.status === "created") {
      formRef.current?.reset();
      secretRef.current?.focus();
    }
  }, [state]);

  const showSecret = state.status === "created" && dismissed !== state.secret;

  return (
    <Card aria-labelledby="create-key-title">
      <CardHeader
        id="create-key-title"
        title="Create an API key"
        description="Keys authenticate your applications. The secret is shown once, right after you create it."
      />
      <CardBody className="space-y-4">
        {showSecret ? (
          <div
            ref={secretRef}
            tabIndex={-1}
            role="status"
            data-testid="new-key-secret"
            className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 outline-none dark:border-emerald-800 dark:bg-emerald-950/50"
          >
            <p className="text-sm font-medium text-emerald-900 dark:text-emerald-100">
              Key “{state.key.name}” created. Copy the secret now — it will not be shown again.
            </p>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <code
                className="min-w-0 flex-1 rounded-md border border-emerald-200 bg-white px-3 py-2 font-mono text-[13px] break-all text-zinc-900 dark:border-emerald-900 dark:bg-zinc-950 dark:text-zinc-100"
                aria-label="New API key secret"
              >
                {state.secret}
              </code>
              <CopyButton text={state.secret} label="Copy API key secret" />
              <Button variant="ghost" size="sm" onClick={() => setDismissed(state.secret)}>
                Done
              </Button>
            </div>
          </div>
        ) : null}
        {state.status === "error" ? (
          <Alert tone="danger" live title={state.code === "forbidden" ? "Not allowed" : "The key was not created"}>
            {state.message}
          </Alert>
        ) : null}
        <form ref={formRef} action={formAction} className="flex flex-col gap-4 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor={nameId} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
              Key name
            </label>
            <input
              id={nameId}
              name="name"
              required
              maxLength={80}
              placeholder="e.g. production ingest"
              autoComplete="off"
              className="mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-xs placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-950"
            />
          </div>
          <fieldset className="flex gap-4" aria-describedby={scopesHelpId}>
            <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Scopes</legend>
            {SCOPES.map((s) => (
              <label key={s.value} className="flex h-9 items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
                <input
                  type="checkbox"
                  name="scopes"
                  value={s.value}
                  defaultChecked={s.value === "ingest"}
                  className="size-4 rounded border-zinc-300 accent-brand-600"
                />
                {s.label}
              </label>
            ))}
          </fieldset>
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create key"}
          </Button>
        </form>
        <ul id={scopesHelpId} className="space-y-0.5 text-xs text-zinc-500 dark:text-zinc-400">
          {SCOPES.map((s) => (
            <li key={s.value}>
              <span className="font-medium text-zinc-700 dark:text-zinc-300">{s.label}</span>: {s.help}.
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
