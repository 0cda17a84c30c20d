import type { CatalogModel, CatalogProvider } from "./catalog-from-genai-prices";
import { dashSnapshotDates, matchesName } from "./match-model-name";
import type { PriceRow } from "./price-schemas";

export type IndexedModel = CatalogModel & { rows: PriceRow[] };
export type IndexedProvider = CatalogProvider & { models: IndexedModel[] };

export type ResolvedModel = {
  /** The catalog provider the event's provider string resolved to (null: resolved by model name only). */
  providerId: string | null;
  model: IndexedModel;
  /** How the name was resolved, for the breakdown (explainability). */
  via: "name" | "snapshot-date" | "provider-prefix" | "fallback-provider" | "model-match";
};

/**
 * The loaded catalog with name resolution. Resolution follows the catalog's own rules (provider id or
 * provider_match, first model whose match accepts the lower-cased name, dated snapshots in either
 * date form, fallback providers such as Azure → OpenAI), plus `provider/model` prefixes as gateways
 * (LiteLLM, OpenRouter-style ids) send them. Results are memoised: a batch has few distinct names.
 */
export class CatalogIndex {
  readonly providers: IndexedProvider[];
  private readonly byId: Map<string, IndexedProvider>;
  private readonly memo = new Map<string, ResolvedModel | null>();

  constructor(providers: IndexedProvider[]) {
    this.providers = providers;
    this.byId = new Map(providers.map((p) => [p.id, p]));
  }

  get modelCount(): number {
    return this.providers.reduce((n, p) => n + p.models.length, 0);
  }

  findModel(providerId: string, modelId: string): IndexedModel | undefined {
    return this.byId.get(providerId)?.models.find((m) => m.modelId === modelId);
  }

  resolveProvider(name: string): IndexedProvider | undefined {
    const key = name.toLowerCase().trim();
    if (!key) return undefined;
    const exact = this.byId.get(key) ?? this.byId.get(PROVIDER_ALIASES[key] ?? "");
    if (exact) return exact;
    return this.providers.find((p) => p.providerMatch && matchesName(p.providerMatch, key));
  }

  resolve(provider: string, model: string): ResolvedModel | null {
    const memoKey = `${provider}\u0000${model}`;
    const hit = this.memo.get(memoKey);
    if (hit !== undefined) return hit;
    const found = this.resolveUncached(provider, model.toLowerCase().trim());
    if (this.memo.size > 50_000) this.memo.clear(); // bounded: names come from clients
    this.memo.set(memoKey, found);
    return found;
  }

  private resolveUncached(providerName: string, name: string): ResolvedModel | null {
    if (!name) return null;
    const p = this.resolveProvider(providerName);
    if (p) {
      const direct = this.inProvider(p, name);
      if (direct) return direct;
    }
    const slash = name.indexOf("/");
    if (slash > 0) {
      const rest = name.slice(slash + 1);
      if (p) {
        const stripped = this.inProvider(p, rest);
        if (stripped) return { ...stripped, via: "provider-prefix" };
      } else {
        // An unknown provider (a gateway) sending `provider/model`: the prefix names the provider.
        const q = this.resolveProvider(name.slice(0, slash));
        const viaPrefix = q && this.inProvider(q, rest);
        if (viaPrefix) return { ...viaPrefix, via: "provider-prefix" };
      }
    }
    if (!p) {
      // The catalog's own rule when no provider is known: the provider whose model pattern fits.
      const q = this.providers.find((x) => x.modelMatch && matchesName(x.modelMatch, name));
      const m = q && this.inProvider(q, name);
      if (m) return { ...m, providerId: null, via: "model-match" };
    }
    return null;
  }

  private inProvider(p: IndexedProvider, name: string): ResolvedModel | null {
    const dashed = dashSnapshotDates(name);
    for (const [candidate, via] of [
      [name, "name"],
      [dashed, "snapshot-date"],
    ] as const) {
      if (via === "snapshot-date" && candidate === name) continue;
      const own = p.models.find((m) => matchesName(m.match, candidate));
      if (own) return { providerId: p.id, model: own, via };
      for (const fb of p.fallbackProviders) {
        const other = this.byId.get(fb)?.models.find((m) => matchesName(m.match, candidate));
        if (other) return { providerId: p.id, model: other, via: "fallback-provider" };
      }
    }
    return null;
  }
}

/** Provider spellings seen in SDKs and gateways that neither the id nor the catalog's provider_match cover. */
const PROVIDER_ALIASES: Record<string, string> = {
  "azure-openai": "azure",
  azure_openai: "azure",
  azure_ai: "azure",
  "azure-ai": "azure",
  "x-ai": "x-ai",
  grok: "x-ai",
  mistralai: "mistral",
  "together-ai": "together",
  fireworks_ai: "fireworks",
  "fireworks-ai": "fireworks",
  "moonshot-ai": "moonshotai",
  "z-ai": "zai",
};
