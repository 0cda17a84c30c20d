"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { apiSend, errorMessage } from "@/components/alerts/api-client";
import { Button } from "@/components/ui/button";

type LastDelivery = { at: string; outcome: string; statusCode: number | null; error: string | null } | null;

const POLL_MS = 1000;
const POLL_LIMIT = 30;

/**
 * Send test: queues an alert.test message (delivered by the outbox, like a real alert), then watches the
 * channel's last delivery until that attempt has an outcome and shows it. Delete asks first.
 */
export function ChannelActions({ id, name }: { id: number; name: string }) {
  const router = useRouter();
  const [busy, startTransition] = useTransition();
  const [result, setResult] = useState<{ tone: "ok" | "bad" | "info"; text: string } | null>(null);

  const test = () =>
    startTransition(async () => {
      setResult({ tone: "info", text: "Sending…" });
      const started = Date.now();
      const a = await apiSend("POST", `/api/v1/alert-channels/${id}/test`);
      if (!a.ok) return setResult({ tone: "bad", text: errorMessage(a) });
      for (let i = 0; i < POLL_LIMIT; i++) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        const res = await fetch(`/api/v1/alert-channels/${id}`).catch(() => null);
        if (!res?.ok) continue;
        const last = ((await res.json()) as { channel: { lastDelivery: LastDelivery } }).channel.lastDelivery;
        if (!last || Date.parse(last.at) < started - 1000 || last.outcome === "started") continue;
        router.refresh();
        if (last.outcome === "delivered")
          return setResult({ tone: "ok", text: `Delivered${last.statusCode ? ` (HTTP ${last.statusCode})` : ""}` });
        return setResult({
          tone: "bad",
          text: `${last.outcome === "retry" ? "Failed, will retry" : "Failed"}${last.statusCode ? ` (HTTP ${last.statusCode})` : ""}${last.error ? `: ${last.error}` : ""}`,
        });
      }
      setResult({ tone: "info", text: "Queued; no attempt finished yet (is the worker running?)" });
    });

  const remove = () =>
    startTransition(async () => {
      if (!window.confirm(`Delete the channel “${name}”? Monitors stop notifying it.`)) return;
      const a = await apiSend("DELETE", `/api/v1/alert-channels/${id}`);
      if (!a.ok) setResult({ tone: "bad", text: errorMessage(a) });
      else router.refresh();
    });

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" disabled={busy} onClick={test} aria-label={`Send test to ${name}`}>
          Send test
        </Button>
        <Button size="sm" variant="ghost" disabled={busy} onClick={remove} aria-label={`Delete ${name}`}>
          Delete
        </Button>
      </div>
      {result ? (
        <p
          role="status"
          data-testid="channel-test-result"
          className={`max-w-72 text-right text-xs ${result.tone === "ok" ? "text-emerald-700 dark:text-emerald-300" : result.tone === "bad" ? "text-red-700 dark:text-red-300" : "text-zinc-600 dark:text-zinc-400"}`}
        >
          {result.text}
        </p>
      ) : null}
    </div>
  );
}
