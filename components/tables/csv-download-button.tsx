"use client";

import { csvFileName, toCsv } from "@/lib/dashboards/to-csv";
import type { TableData } from "@/lib/dashboards/table-spec";
import { buttonClass } from "@/components/ui/button";

/** Downloads the table as CSV, built in the browser from the very rows and totals the page shows. */
export function CsvDownloadButton({ table, name, from, to }: { table: TableData; name: string; from: string; to: string }) {
  return (
    <button
      type="button"
      className={buttonClass("secondary", "sm")}
      onClick={() => {
        const blob = new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" });
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = csvFileName(name, from, to);
        document.body.appendChild(a);
        a.click();
        a.remove();
        // Revoke later: some browsers start the download asynchronously.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }}
    >
      <svg
        viewBox="0 0 24 24"
        className="size-4"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <path d="M12 3v12m0 0-4-4m4 4 4-4M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
      </svg>
      Export CSV<span className="sr-only"> of {name}</span>
    </button>
  );
}
