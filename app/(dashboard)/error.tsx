"use client";

import { useEffect, useState } from "react";
import { DatabaseUnavailable, databaseIsReachable } from "@/components/shell/database-unavailable";
import { Button } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";

/**
 * Inside the shell, so navigation stays usable when one page fails. Production hides the server error's
 * message from the browser, so an outage is told apart by asking the health endpoint: while the
 * database is unreachable the page shows the "database unavailable, retrying" state and comes back by
 * itself; any other failure shows its reference for the server log.
 */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  const [outage, setOutage] = useState<boolean | null>(null);
  useEffect(() => {
    console.error(error);
    let current = true;
    void databaseIsReachable().then((reachable) => current && setOutage(!reachable));
    return () => {
      current = false;
    };
  }, [error]);
  if (outage) return <DatabaseUnavailable onRetry={retry} />;
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center py-20 text-center" role="alert">
      <AlertIcon className="size-10 text-red-500" />
      <h1 className="mt-4 text-xl font-semibold text-zinc-900 dark:text-zinc-50">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Something went wrong on our side. Try again in a moment; if it keeps failing, check the server log
        {digest ? (
          <>
            {" "}
            for reference <code className="font-mono">{digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button className="mt-6" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
