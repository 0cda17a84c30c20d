import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { formatCount, formatDateTime, formatRelative, formatUsd, formatUsdExact } from "@/components/ui/format";
import type { ResolvedDateRange } from "@/lib/date-range/resolve-date-range";
import type { UsageSnapshot } from "@/lib/overview/get-usage-snapshot";

/** Four headline numbers for the selected range, from the cheap snapshot query. */
export function RangeSummary({ snapshot, range }: { snapshot: UsageSnapshot; range: ResolvedDateRange }) {
  const r = snapshot.range;
  return (
    <StatGrid label={`Usage, ${range.label.toLowerCase()}`}>
      <StatCard label="Events" value={formatCount(r.events)} hint={range.label} />
      <StatCard
        label="Spend (effective)"
        value={formatUsd(r.effectiveCostUsd)}
        title={formatUsdExact(r.effectiveCostUsd)}
        hint={r.unpricedEvents > 0 ? `${formatCount(r.unpricedEvents)} events without a known price` : "After contract discounts"}
      />
      <StatCard label="Providers · models" value={`${formatCount(r.providers)} · ${formatCount(r.models)}`} hint="Distinct in this range" />
      <StatCard
        label="Last event"
        value={snapshot.lastEventAt ? formatRelative(snapshot.lastEventAt) : "—"}
        title={snapshot.lastEventAt ? formatDateTime(snapshot.lastEventAt) : undefined}
        hint={snapshot.lastEventAt ? formatDateTime(snapshot.lastEventAt) : "No events yet"}
      />
    </StatGrid>
  );
}
