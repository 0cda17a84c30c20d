import { Card } from "@/components/ui/card";

/** Placeholder with the card's real title and roughly its height, so the page does not jump when data arrives. */
export function CardSkeleton({ title, height = 300, className = "" }: { title: string; height?: number; className?: string }) {
  return (
    <Card className={`min-w-0 ${className}`} aria-busy="true" aria-label={`${title} (loading)`}>
      <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <p className="text-base font-semibold text-zinc-900 dark:text-zinc-50">{title}</p>
        <div className="mt-2 h-3 w-2/3 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
      </div>
      <div className="px-5 py-4">
        <div className="animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800/70" style={{ height }} />
      </div>
    </Card>
  );
}

export function StatsSkeleton({ count = 4, label }: { count?: number; label: string }) {
  return (
    <div aria-busy="true" aria-label={`${label} (loading)`} className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {Array.from({ length: count }, (_, i) => (
        <div
          key={i}
          className="h-[108px] animate-pulse rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div className="h-3 w-1/3 rounded bg-zinc-100 dark:bg-zinc-800" />
          <div className="mt-4 h-6 w-1/2 rounded bg-zinc-100 dark:bg-zinc-800" />
        </div>
      ))}
    </div>
  );
}
