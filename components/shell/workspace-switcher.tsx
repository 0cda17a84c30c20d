"use client";

import { useId, useState, useTransition } from "react";
import { ChevronDownIcon } from "@/components/ui/icons";
import type { SwitchWorkspaceResult } from "@/lib/members/switch-workspace";

export type WorkspaceOption = { slug: string; name: string; role: string };

export function WorkspaceSwitcher({
  current,
  workspaces,
  switchWorkspaceAction,
}: {
  current: string;
  workspaces: WorkspaceOption[];
  /** The server action (app/(dashboard)/switch-workspace-action.ts), passed down by the layout. */
  switchWorkspaceAction: (slug: string) => Promise<SwitchWorkspaceResult>;
}) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [value, setValue] = useState(current);
  const currentName = workspaces.find((w) => w.slug === current)?.name ?? current;

  if (workspaces.length <= 1) {
    return (
      <div className="min-w-0">
        <span className="sr-only">Workspace: </span>
        <span className="truncate text-sm font-semibold text-zinc-900 dark:text-zinc-50" data-testid="current-workspace">
          {currentName}
        </span>
      </div>
    );
  }

  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Workspace
      </label>
      <div className="relative">
        <select
          id={id}
          value={value}
          disabled={pending}
          data-testid="workspace-switcher"
          onChange={(e) => {
            const slug = e.target.value;
            setValue(slug);
            setError(null);
            startTransition(async () => {
              const r = await switchWorkspaceAction(slug);
              if (!r.ok) {
                setError(r.message);
                setValue(current);
              }
            });
          }}
          className="h-9 max-w-56 appearance-none truncate rounded-md border border-zinc-300 bg-white py-0 pr-8 pl-3 text-sm font-semibold text-zinc-900 shadow-xs hover:border-zinc-400 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-50"
        >
          {workspaces.map((w) => (
            <option key={w.slug} value={w.slug}>
              {w.name}
            </option>
          ))}
        </select>
        <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-zinc-500" />
      </div>
      {error ? (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </div>
  );
}
