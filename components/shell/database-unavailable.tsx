"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";

/** How often the page asks whether the database is back. */
export const DATABASE_RETRY_MS = 5_000;

/** True when /api/health says the database answers again (a network error counts as "not yet"). */
export async function databaseIsReachable(): Promise<boolean> {
  try {
    const r = await fetch("/api/health", { cache: "no-store" });
    const body = (await r.json()) as { database?: { reachable?: boolean } };
    return body.database?.reachable === true;
  } catch {
    return false;
  }
}

/**
 * What a dashboard page shows, inside the shell, while the database is unavailable. It checks the
 * health endpoint every few seconds and re-renders the page (onRetry, default router.refresh) as soon as
 * the database answers, so the data comes back by itself; "Retry now" does the same at once.
 */
export function DatabaseUnavailable({ onRetry }: { onRetry?: () => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const retry = useCallback(() => {
    if (onRetry) onRetry();
    else startTransition(() => router.refresh());
  }, [onRetry, router]);

  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      if (!stopped && (await databaseIsReachable()) && !stopped) retry();
    }, DATABASE_RETRY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [retry]);

  return (
    <div data-testid="database-unavailable" className="mx-auto flex max-w-lg flex-col items-center py-20 text-center" role="alert">
      <AlertIcon className="size-10 text-amber-500" />
      <h1 className="mt-4 text-xl font-semibold text-zinc-900 dark:text-zinc-50">Database unavailable, retrying</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Unitscope cannot reach its database right now. This page checks again every {DATABASE_RETRY_MS / 1000} seconds and shows your data
        as soon as the database is back.
      </p>
      <Button className="mt-6" variant="secondary" disabled={pending} onClick={retry}>
        Retry now
      </Button>
    </div>
  );
}
