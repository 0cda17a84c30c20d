import type { ModelPrice, Provider } from "@pydantic/genai-prices";
import type { MatchLogic } from "./match-model-name";
import { priceFromNumber } from "./money";
import type { PriceRow, PriceSet, PriceTier, TokenClass } from "./price-schemas";

/** Rows that held since "always" start here (the catalog's undated base prices). */
export const BEGINNING_OF_TIME = new Date("1970-01-01T00:00:00Z");

export type CatalogProvider = {
  id: string;
  name: string;
  providerMatch: MatchLogic | null;
  modelMatch: MatchLogic | null;
  fallbackProviders: string[];
  pricingUrls: string[];
};

export type CatalogModel = {
  providerId: string;
  modelId: string;
  name: string | null;
  match: MatchLogic;
  position: number;
  contextWindow: number | null;
  priceComments: string | null;
  deprecated: boolean;
};

export type CatalogRowDraft = Omit<PriceRow, "id" | "catalogId">;
export type CatalogData = { providers: CatalogProvider[]; models: CatalogModel[]; rows: CatalogRowDraft[] };

/** Catalog price keys we cost from normalised usage; every other key is kept for display only. */
const KEY_TO_CLASS: Record<string, TokenClass> = {
  input_mtok: "input",
  output_mtok: "output",
  cache_read_mtok: "cacheRead",
  cache_write_mtok: "cacheWrite",
  cache_write_1h_mtok: "cacheWrite1h",
  output_reasoning_mtok: "reasoning",
};

/**
 * Converts @pydantic/genai-prices' bundled provider data into our tables' shape. Its conditional prices
 * become effective-dated rows: entry i of a model's price list gets precedence i; a start_date entry is
 * in force from that date until a later entry's start date; a time-of-day entry gets a UTC window; entry 0
 * holds from the beginning of time with no window — the catalog's own fallback when nothing else matches.
 * Looking up "highest precedence among rows in force whose window contains the time" then gives exactly
 * the catalog's answer for any timestamp.
 */
export function catalogFromGenaiPrices(data: readonly Provider[]): CatalogData {
  const providers: CatalogProvider[] = [];
  const models: CatalogModel[] = [];
  const rows: CatalogRowDraft[] = [];
  for (const p of data) {
    providers.push({
      id: p.id,
      name: p.name,
      providerMatch: (p.provider_match as MatchLogic | undefined) ?? null,
      modelMatch: (p.model_match as MatchLogic | undefined) ?? null,
      fallbackProviders: p.fallback_model_providers ?? [],
      pricingUrls: p.pricing_urls ?? [],
    });
    const seen = new Set<string>();
    p.models.forEach((m, position) => {
      if (seen.has(m.id)) return; // a duplicate id could never be reached: the first match wins
      seen.add(m.id);
      models.push({
        providerId: p.id,
        modelId: m.id,
        name: m.name ?? null,
        match: m.match as MatchLogic,
        position,
        contextWindow: m.context_window ?? null,
        priceComments: m.price_comments ?? null,
        deprecated: m.deprecated ?? false,
      });
      rows.push(...rowsForModel(p.id, m.id, m.prices));
    });
  }
  return { providers, models, rows };
}

type Entry = { constraint?: { type?: string; start_date?: string; start_time?: string; end_time?: string }; prices: ModelPrice };

function rowsForModel(providerId: string, modelId: string, prices: unknown): CatalogRowDraft[] {
  const entries: Entry[] = Array.isArray(prices) ? (prices as Entry[]) : [{ prices: prices as ModelPrice }];
  const starts = entries.map((e, i) => (i > 0 && e.constraint?.start_date ? new Date(`${e.constraint.start_date}T00:00:00Z`) : null));
  const out: CatalogRowDraft[] = [];
  entries.forEach((entry, i) => {
    const c = i === 0 ? undefined : entry.constraint;
    const from = starts[i] ?? BEGINNING_OF_TIME;
    const window = c?.start_time && c.end_time ? { start: timeOfDaySeconds(c.start_time), end: timeOfDaySeconds(c.end_time) } : null;
    // A later undated, unwindowed entry shadows this one entirely; a later start date ends it.
    const laterUnconditional = entries.slice(i + 1).some((e) => !e.constraint);
    if (laterUnconditional) return;
    let to: Date | null = null;
    for (let j = i + 1; j < entries.length; j++) {
      const s = starts[j];
      if (s && (!to || s < to)) to = s;
    }
    if (to && to <= from) return; // never in force
    const { priceSet, tiers, other } = convertPrices(entry.prices);
    out.push({
      providerId,
      modelId,
      variant: "standard",
      precedence: i,
      effectiveFrom: from,
      effectiveTo: to,
      utcWindow: window,
      prices: priceSet,
      tiers,
      otherPrices: other,
    });
  });
  return out;
}

function convertPrices(prices: ModelPrice): { priceSet: PriceSet; tiers: PriceTier[]; other: Record<string, unknown> } {
  const priceSet: PriceSet = {};
  const other: Record<string, unknown> = {};
  const tiered: [TokenClass, { base: number; tiers: { start: number; price: number }[] }][] = [];
  for (const [key, value] of Object.entries(prices)) {
    if (value === undefined) continue;
    const cls = KEY_TO_CLASS[key];
    if (!cls) {
      other[key] = value;
      continue;
    }
    if (typeof value === "number") priceSet[cls] = priceFromNumber(value);
    else {
      priceSet[cls] = priceFromNumber(value.base);
      tiered.push([cls, { base: value.base, tiers: [...value.tiers].sort((a, b) => a.start - b.start) }]);
    }
  }
  const thresholds = [...new Set(tiered.flatMap(([, t]) => t.tiers.map((x) => x.start)))].sort((a, b) => a - b);
  const tiers = thresholds.map((above) => {
    const set: PriceSet = {};
    for (const [cls, t] of tiered) {
      // The price this key has just above the threshold (the catalog switches when input > start).
      let price = t.base;
      for (const x of t.tiers) if (above + 1 > x.start) price = x.price;
      set[cls] = priceFromNumber(price);
    }
    return { aboveInputTokens: above, prices: set };
  });
  return { priceSet, tiers, other };
}

/** "00:30:00Z" / "08:00:00+08:00" → UTC seconds of the day. */
export function timeOfDaySeconds(text: string): number {
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  if (!m) throw new Error(`invalid time of day ${text}`);
  const local = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  const offset = m[4] === "Z" ? 0 : (m[5] === "+" ? 1 : -1) * (Number(m[6]) * 3600 + Number(m[7]) * 60);
  return (((local - offset) % 86400) + 86400) % 86400;
}
