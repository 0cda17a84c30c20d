import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatCount, formatDate, formatDateTime } from "@/lib/format/format";
import type { CatalogSummary } from "@/lib/pricing/catalog-summary";

export function CatalogCard({ catalog }: { catalog: CatalogSummary | null }) {
  return (
    <Card aria-labelledby="catalog-title" data-testid="pricing-catalog">
      <CardHeader
        id="catalog-title"
        title="Price catalog"
        description="List prices come from the catalog shipped with the app and loaded offline at start-up."
      />
      <CardBody>
        {catalog ? (
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
            <Item label="Source" value={catalog.source} />
            <Item label="Version" value={catalog.version} testId="catalog-version" />
            <Item label="Released" value={catalog.releasedOn ? formatDate(catalog.releasedOn) : "unknown"} />
            <Item label="Loaded" value={formatDateTime(catalog.loadedAt)} />
            <Item label="Providers" value={formatCount(catalog.providers)} />
            <Item label="Models" value={formatCount(catalog.models)} />
            <Item label="Price rows" value={formatCount(catalog.rows)} />
            <Item label="Earlier releases" value={catalog.history.length ? catalog.history.map((h) => h.version).join(", ") : "none"} />
          </dl>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">The catalog has not been loaded yet.</p>
        )}
      </CardBody>
    </Card>
  );
}

function Item({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 font-medium text-zinc-900 dark:text-zinc-100" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
