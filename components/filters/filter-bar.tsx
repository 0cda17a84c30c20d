"use client";

import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { CloseIcon } from "@/components/ui/icons";
import { QueryProvider } from "@/components/dashboards/query-provider";
import { FILTER_FIELD_NAMES, FILTER_FIELDS, filterParsers, type FilterField } from "@/lib/dashboards/dashboard-filters";
import { FilterSelect } from "./filter-select";

/**
 * The global filter bar. Its state is the URL (nuqs, history "push", shallow: false): every change is a
 * shareable link and a history entry, and the server page re-renders its cards for it. The change runs
 * in a transition, so the current cards stay on screen (dimmed) until the new ones arrive.
 */
export function FilterBar({
  workspace,
  window,
  pinned = [],
}: {
  workspace: string;
  window: { from: string; to: string };
  pinned?: FilterField[];
}) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(filterParsers, { history: "push", shallow: false, startTransition });
  const fields = FILTER_FIELD_NAMES.filter((f) => !pinned.includes(f));
  const active = fields.filter((f) => state[f].length > 0);

  const set = (field: FilterField, values: string[]) => void setState({ [field]: values.length > 0 ? [...values].sort() : null });

  return (
    <QueryProvider workspace={workspace}>
      <section
        aria-label="Filters"
        aria-busy={pending}
        data-testid="filter-bar"
        className={`rounded-xl border border-zinc-200 bg-white px-3 py-2.5 shadow-xs transition-opacity dark:border-zinc-800 dark:bg-zinc-900 ${pending ? "opacity-70" : ""}`}
      >
        <div className="flex flex-wrap items-center gap-2">
          {fields.map((f) => (
            <FilterSelect
              key={f}
              field={f}
              label={FILTER_FIELDS[f].label}
              plural={FILTER_FIELDS[f].plural}
              window={window}
              selected={state[f]}
              onChange={(v) => set(f, v)}
            />
          ))}
          {active.length > 0 ? (
            <button
              type="button"
              onClick={() => void setState(Object.fromEntries(fields.map((f) => [f, null])))}
              className="ml-auto h-8 rounded-md px-2 text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              Clear filters
            </button>
          ) : null}
          <span role="status" className="sr-only">
            {pending ? "Updating the dashboard…" : ""}
          </span>
        </div>
        {active.length > 0 ? (
          <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Active filters">
            {active.flatMap((f) =>
              state[f].map((v) => (
                <li key={`${f}:${v}`}>
                  <button
                    type="button"
                    onClick={() =>
                      set(
                        f,
                        state[f].filter((x) => x !== v),
                      )
                    }
                    className="inline-flex items-center gap-1 rounded-full bg-zinc-100 py-0.5 pr-1.5 pl-2.5 text-xs text-zinc-700 hover:bg-zinc-200 dark:bg-zinc-800 dark:text-zinc-200 dark:hover:bg-zinc-700"
                    aria-label={`Remove filter ${FILTER_FIELDS[f].label}: ${v}`}
                  >
                    <span className="text-zinc-500 dark:text-zinc-400">{FILTER_FIELDS[f].label}:</span> {v}
                    <CloseIcon className="size-3" />
                  </button>
                </li>
              )),
            )}
          </ul>
        ) : null}
      </section>
    </QueryProvider>
  );
}
