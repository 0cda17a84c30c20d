import type { CatalogSummary } from "@/lib/pricing/catalog-summary";
import { muted, section, sectionHeader, title, utc } from "./format";

export function CatalogCard({ catalog }: { catalog: CatalogSummary | null }) {
  return (
    <section aria-labelledby="catalog-title" className={section} data-testid="pricing-catalog">
      <div className={sectionHeader}>
        <h2 id="catalog-title" className={title}>
          Price catalog
        </h2>
        <p className={muted}>List prices come from the catalog shipped with the app and loaded offline at start-up.</p>
      </div>
      {catalog ? (
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 px-4 py-4 text-sm sm:grid-cols-4">
          <Item label="Source" value={catalog.source} />
          <Item label="Version" value={catalog.version} testId="catalog-version" />
          <Item label="Released" value={catalog.releasedOn ?? "unknown"} />
          <Item label="Loaded" value={utc(catalog.loadedAt)} />
          <Item label="Providers" value={String(catalog.providers)} />
          <Item label="Models" value={String(catalog.models)} />
          <Item label="Price rows" value={String(catalog.rows)} />
          <Item label="Earlier releases" value={catalog.history.length ? catalog.history.map((h) => h.version).join(", ") : "none"} />
        </dl>
      ) : (
        <p className="px-4 py-4 text-sm text-zinc-600 dark:text-zinc-400">The catalog has not been loaded yet.</p>
      )}
    </section>
  );
}

function Item({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 font-medium text-zinc-900 dark:text-zinc-100" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
