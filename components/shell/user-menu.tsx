"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { SettingsIcon, SignOutIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";

function initials(name: string | null, email: string): string {
  const source = name?.trim() || email.split("@")[0] || "?";
  const parts = source.split(/[\s._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

export function UserMenu({
  name,
  email,
  role,
  workspaceName,
}: {
  name: string | null;
  email: string;
  role: string;
  workspaceName: string;
}) {
  const [signingOut, setSigningOut] = useState(false);
  return (
    <Popover
      buttonLabel={`Account menu for ${name ?? email}`}
      buttonClassName="flex items-center gap-2 rounded-full p-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
      button={
        <span
          className="inline-flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800 dark:bg-brand-900 dark:text-brand-100"
          aria-hidden="true"
        >
          {initials(name, email)}
        </span>
      }
      panelClassName="w-64 !p-0"
    >
      {(close) => (
        <div className="text-sm">
          <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
            {name ? <p className="truncate font-medium text-zinc-900 dark:text-zinc-50">{name}</p> : null}
            <p className="truncate text-zinc-600 dark:text-zinc-400" data-testid="user-email">
              {email}
            </p>
            <p className="mt-2 flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
              <span className="truncate">{workspaceName}</span>
              <Badge tone="brand">
                <span className="sr-only">Role: </span>
                <span data-testid="user-role">{role}</span>
              </Badge>
            </p>
          </div>
          <div className="p-1.5">
            <Link
              href="/settings"
              onClick={close}
              className="flex h-9 items-center gap-2 rounded-md px-2.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              <SettingsIcon className="size-4" />
              Workspace settings
            </Link>
            <button
              type="button"
              disabled={signingOut}
              onClick={() => {
                setSigningOut(true);
                void signOut({ callbackUrl: "/login" });
              }}
              className="flex h-9 w-full items-center gap-2 rounded-md px-2.5 text-left text-zinc-700 hover:bg-zinc-100 disabled:opacity-60 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              <SignOutIcon className="size-4" />
              {signingOut ? "Signing out…" : "Sign out"}
            </button>
          </div>
        </div>
      )}
    </Popover>
  );
}
