import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { uid } from "@/prisma/seed/test-db";
import { readCatalogSource } from "./catalog-source";
import { ensureCatalogLoaded, loadCatalog } from "./load-catalog";
import { priceEvents } from "./price-events";

// Always a private in-memory PGlite: this file rewrites the global catalog, which tests sharing a
// Postgres database must never see.
let db: Database;
beforeAll(async () => {
  db = await openDatabase({ kind: "pglite", dataDir: null }, "catalog test");
});
afterAll(async () => {
  await db?.close();
});

const usage = {
  inputTokens: 1_000_000,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  cacheWrite1hTokens: 0,
  reasoningTokens: 0,
};

describe("loading the catalog", () => {
  it("loads the installed release once, offline, with its version and date", async () => {
    const first = await ensureCatalogLoaded(db);
    expect(first.loaded).toBe(true);
    const src = await readCatalogSource();
    expect(await loadCatalog(db, src)).toMatchObject({ loaded: false, catalogId: first.catalogId });
    const [cat] = await db.sql.query<{ version: string; released_on: Date | string | null; model_count: number }>(
      `SELECT version, released_on, model_count FROM price_catalogs`,
    );
    expect(cat!.version).toBe(src.version);
    expect(cat!.model_count).toBeGreaterThan(1500);
    if (src.version === "0.1.8") expect(new Date(cat!.released_on!).toISOString().slice(0, 10)).toBe("2026-09-23");
  });

  it("applies a newer release's changed prices from the moment it is loaded, leaving the past as it was", async () => {
    await ensureCatalogLoaded(db);
    const ws = await db.prisma.workspace.create({ data: { slug: uid("cat"), name: "catalog" } });
    const src = await readCatalogSource();
    const changed = structuredClone(src.providers) as typeof src.providers;
    const gpt4o = changed.find((p) => p.id === "openai")!.models.find((m) => m.id === "gpt-4o")!;
    (gpt4o.prices as Record<string, number>).input_mtok = 3;
    // Releases are ordered by load time, so the test's loads happen after the real one above.
    const t0 = Date.now();
    const loadedAt = new Date(t0 + 86_400_000);
    const r = await loadCatalog(db, { ...src, version: "9.9.9", fingerprint: "test-changed", providers: changed }, loadedAt);
    expect(r).toMatchObject({ loaded: true, rowsInserted: 1, rowsClosed: 1 });

    const cost = async (t: number) =>
      (await priceEvents(db, ws.id, [{ provider: "openai", model: "gpt-4o", timestamp: new Date(t), usage }]))[0]!.listCostUsd;
    expect(await cost(loadedAt.getTime() - 1)).toBe("2.5");
    expect(await cost(loadedAt.getTime())).toBe("3");

    // Going back to the installed release (a downgrade) re-activates it from that moment.
    const back = await loadCatalog(db, src, new Date(t0 + 2 * 86_400_000));
    expect(back).toMatchObject({ loaded: true, rowsInserted: 1, rowsClosed: 1 });
    expect(await cost(t0 + 1.5 * 86_400_000)).toBe("3");
    expect(await cost(t0 + 3 * 86_400_000)).toBe("2.5");
    expect(await cost(Date.parse("2026-01-01T00:00:00Z"))).toBe("2.5");
    expect(await loadCatalog(db, src, new Date(t0 + 4 * 86_400_000))).toMatchObject({ loaded: false });
  });
});
