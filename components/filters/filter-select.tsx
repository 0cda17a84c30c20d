"use client";

import { useId, useMemo, useState } from "react";
import { useWorkspaceQuery } from "@/components/dashboards/use-workspace-query";
import { ChevronDownIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import type { FilterField } from "@/lib/dashboards/dashboard-filters";
import { filterOptionsRequest, prepareFilterOptions } from "@/lib/dashboards/filter-options";
import { fetchMetrics } from "@/lib/dashboards/metrics-request";

type Props = {
  field: FilterField;
  label: string;
  plural: string;
  window: { from: string; to: string };
  selected: readonly string[];
  onChange: (values: string[]) => void;
};

/**
 * A multi-select for one filter: a button naming the selection and a panel of checkboxes (with a search
 * box when the list is long). The options are fetched when the panel first opens (React Query caches
 * them per range). Values selected through a shared link but absent from this range stay listed, so
 * they can still be removed.
 */
export function FilterSelect({ field, label, plural, window, selected, onChange }: Props) {
  const summary = selected.length === 0 ? "All" : selected.length === 1 ? selected[0]! : `${selected.length} ${plural}`;
  return (
    <Popover
      align="start"
      buttonLabel={`${label}: ${selected.length === 0 ? `all ${plural}` : selected.join(", ")}`}
      buttonClassName={`inline-flex h-8 max-w-56 items-center gap-1.5 rounded-md border px-2.5 text-sm shadow-xs transition-colors ${
        selected.length > 0
          ? "border-brand-300 bg-brand-50 text-brand-800 dark:border-brand-700 dark:bg-brand-950 dark:text-brand-100"
          : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
      }`}
      button={
        <>
          <span className="text-zinc-500 dark:text-zinc-400">{label}</span>
          <span className="truncate font-medium">{summary}</span>
          <ChevronDownIcon className="size-3.5 shrink-0 opacity-60" />
        </>
      }
      panelClassName="w-72"
    >
      {() => <FilterPanel field={field} label={label} plural={plural} window={window} selected={selected} onChange={onChange} />}
    </Popover>
  );
}

function FilterPanel({ field, label, plural, window, selected, onChange }: Props) {
  const request = useMemo(() => filterOptionsRequest(window, field), [window, field]);
  const q = useWorkspaceQuery({
    key: ["filter-options", request],
    queryFn: ({ signal, workspace }) => fetchMetrics(request, { workspace, signal }),
    staleTime: 5 * 60_000,
  });
  const options = useMemo(() => (q.data ? prepareFilterOptions(q.data.rows, field) : []), [q.data, field]);
  const values = useMemo(() => [...new Set([...selected, ...options])], [options, selected]);
  const [search, setSearch] = useState("");
  const searchId = useId();
  const shown = search ? values.filter((v) => v.toLowerCase().includes(search.toLowerCase())) : values;
  const chosen = new Set(selected);
  const toggle = (v: string) => onChange(chosen.has(v) ? selected.filter((s) => s !== v) : [...selected, v]);
  return (
    <fieldset className="flex flex-col gap-2" aria-busy={q.isPending}>
      <legend className="sr-only">{label}</legend>
      {values.length > 8 ? (
        <>
          <label htmlFor={searchId} className="sr-only">
            Search {plural}
          </label>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={`Search ${plural}…`}
            className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
        </>
      ) : null}
      <div className="max-h-64 overflow-y-auto pr-1">
        {q.isPending ? <p className="py-2 text-sm text-zinc-500">Loading {plural}…</p> : null}
        {q.isError ? (
          <p role="alert" className="py-2 text-sm text-red-600 dark:text-red-400">
            Could not load the {plural}: {q.error.message}
          </p>
        ) : null}
        {!q.isPending && shown.length === 0 ? <p className="py-2 text-sm text-zinc-500">No {plural} in this range.</p> : null}
        {shown.map((v) => (
          <label
            key={v}
            className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
          >
            <input type="checkbox" checked={chosen.has(v)} onChange={() => toggle(v)} className="size-4 accent-brand-600" />
            <span className="truncate">{v}</span>
          </label>
        ))}
      </div>
      <div className="flex justify-between border-t border-zinc-200 pt-2 dark:border-zinc-800">
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {selected.length === 0 ? `All ${plural}` : `${selected.length} selected`}
        </span>
        <button
          type="button"
          disabled={selected.length === 0}
          onClick={() => onChange([])}
          className="text-xs font-medium text-brand-700 hover:underline disabled:opacity-40 dark:text-brand-300"
        >
          Clear
        </button>
      </div>
    </fieldset>
  );
}
