"use client";

import { usePathname } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useId, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button";
import { CalendarIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import { dateRangeParsers, RANGE_PRESETS, type RangePreset } from "@/lib/date-range/date-range-params";
import { isoDay } from "@/lib/date-range/resolve-date-range";

const PRESET_TEXT: Record<RangePreset, { short: string; long: string }> = {
  "24h": { short: "24h", long: "Last 24 hours" },
  "7d": { short: "7d", long: "Last 7 days" },
  "30d": { short: "30d", long: "Last 30 days" },
  "90d": { short: "90d", long: "Last 90 days" },
};

/**
 * The range lives in the URL (`range`, `from`, `to`) so a view is a shareable link, each change is a
 * history entry (back restores it), and server pages re-render with it (shallow: false).
 */
export function DateRangeControl() {
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(dateRangeParsers, { history: "push", shallow: false, startTransition });
  // Settings and alerts (live state, not a view of a range) are not time-bound.
  if (pathname.startsWith("/settings") || pathname === "/alerts" || pathname.startsWith("/alerts/")) return null;

  const customValid = state.range === "custom" && state.from !== null && state.to !== null && state.from <= state.to;
  const selected = state.range === "custom" && !customValid ? "7d" : state.range;

  return (
    <div
      role="group"
      aria-label="Date range"
      aria-busy={pending}
      className={`flex items-center gap-2 transition-opacity ${pending ? "opacity-70" : ""}`}
    >
      <div className="inline-flex rounded-md border border-zinc-300 bg-white p-0.5 shadow-xs dark:border-zinc-700 dark:bg-zinc-900">
        {RANGE_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={selected === p}
            aria-label={PRESET_TEXT[p].long}
            title={PRESET_TEXT[p].long}
            onClick={() => void setState({ range: p, from: null, to: null })}
            className={`h-7 rounded px-2.5 text-xs font-medium tabular-nums transition-colors ${
              selected === p
                ? "bg-brand-600 text-white dark:bg-brand-500"
                : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
            }`}
          >
            {PRESET_TEXT[p].short}
          </button>
        ))}
      </div>
      <Popover
        buttonLabel={customValid ? `Custom range ${isoDay(state.from!)} to ${isoDay(state.to!)}` : "Custom range"}
        buttonClassName={`${buttonClass(selected === "custom" ? "primary" : "secondary", "sm")} !h-8`}
        button={
          <>
            <CalendarIcon className="size-4" />
            <span className="hidden lg:inline">{customValid ? `${isoDay(state.from!)} → ${isoDay(state.to!)}` : "Custom"}</span>
          </>
        }
        panelClassName="w-72"
      >
        {(close) => (
          <CustomRangeForm
            initialFrom={customValid ? isoDay(state.from!) : ""}
            initialTo={customValid ? isoDay(state.to!) : ""}
            onApply={(from, to) => {
              void setState({ range: "custom", from, to });
              close();
            }}
          />
        )}
      </Popover>
    </div>
  );
}

function CustomRangeForm({
  initialFrom,
  initialTo,
  onApply,
}: {
  initialFrom: string;
  initialTo: string;
  onApply: (from: Date, to: Date) => void;
}) {
  const today = isoDay(new Date());
  const [from, setFrom] = useState(() => initialFrom || isoDay(new Date(Date.now() - 6 * 86_400_000)));
  const [to, setTo] = useState(initialTo || today);
  const [error, setError] = useState<string | null>(null);
  const fromId = useId();
  const toId = useId();

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new Date(`${from}T00:00:00Z`);
        const t = new Date(`${to}T00:00:00Z`);
        if (Number.isNaN(f.getTime()) || Number.isNaN(t.getTime())) return setError("Enter both days.");
        if (f > t) return setError("The start day must be on or before the end day.");
        onApply(f, t);
      }}
    >
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Whole days in UTC; the end day is included.</p>
      <div className="grid grid-cols-2 gap-2">
        <label htmlFor={fromId} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Start date
          <input
            id={fromId}
            type="date"
            required
            value={from}
            max={to || today}
            onChange={(e) => setFrom(e.target.value)}
            className="mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
        </label>
        <label htmlFor={toId} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
          End date
          <input
            id={toId}
            type="date"
            required
            value={to}
            min={from}
            onChange={(e) => setTo(e.target.value)}
            className="mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
        </label>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <button type="submit" className={buttonClass("primary", "sm")}>
        Apply range
      </button>
    </form>
  );
}
