"use client";

/** The "Show table" / "Show chart" switch every chart carries (its accessible twin), named after the chart. */
export function TableToggle({
  asTable,
  onToggle,
  label,
  className = "",
}: {
  asTable: boolean;
  onToggle: () => void;
  label: string;
  className?: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={asTable}
      onClick={onToggle}
      className={`rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800 ${className}`}
    >
      {asTable ? "Show chart" : "Show table"}
      <span className="sr-only"> for {label}</span>
    </button>
  );
}
