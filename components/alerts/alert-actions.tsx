"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { apiSend, errorMessage } from "./api-client";

const SILENCE_HOURS = [1, 4, 24] as const;

/**
 * Ack and Silence for one open alert. The silence matches exactly this rule and this group (the
 * alert's own values), so it never hides a sibling group's alert.
 */
export function AlertActions({
  alertId,
  ruleKind,
  ruleId,
  group,
  acknowledged,
  silenced,
  label,
}: {
  alertId: number;
  ruleKind: string;
  ruleId: number;
  group: Record<string, string>;
  acknowledged: boolean;
  silenced: boolean;
  label: string;
}) {
  const router = useRouter();
  const [busy, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [hours, setHours] = useState<number>(1);
  const selectId = useId();

  const run = (send: () => ReturnType<typeof apiSend>) =>
    startTransition(async () => {
      setError(null);
      const a = await send();
      if (!a.ok) setError(errorMessage(a));
      else router.refresh();
    });

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        {acknowledged ? null : (
          <Button
            size="sm"
            variant="secondary"
            disabled={busy}
            aria-label={`Acknowledge ${label}`}
            onClick={() => run(() => apiSend("POST", `/api/v1/alerts/${alertId}/ack`))}
          >
            Ack
          </Button>
        )}
        {silenced ? null : (
          <span className="inline-flex items-center gap-1">
            <label htmlFor={selectId} className="sr-only">
              Silence {label} for
            </label>
            <select
              id={selectId}
              value={hours}
              onChange={(e) => setHours(Number(e.target.value))}
              className="h-8 rounded-md border border-zinc-300 bg-white px-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
            >
              {SILENCE_HOURS.map((h) => (
                <option key={h} value={h}>
                  {h}h
                </option>
              ))}
            </select>
            <Button
              size="sm"
              variant="ghost"
              disabled={busy}
              aria-label={`Silence ${label}`}
              onClick={() =>
                run(() =>
                  apiSend("POST", "/api/v1/silences", {
                    ruleKind,
                    ruleId,
                    group,
                    until: new Date(Date.now() + hours * 3_600_000).toISOString(),
                    comment: `silenced from the Alerts page for ${hours}h`,
                  }),
                )
              }
            >
              Silence
            </Button>
          </span>
        )}
      </div>
      {error ? (
        <p role="alert" className="max-w-64 text-right text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
