import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { openTestDatabase } from "@/prisma/seed/test-db";
import { BASE_COLUMNS, BASE_COLUMN_NAMES, SKETCH_NAMES, STORED_QUANTILE_NAMES } from "./base-columns";
import { CUBE_NAMES, CUBES } from "./cubes";
import { sketchKey, sketchKeySql } from "./sketch";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("rollup tables", () => {
  it("match the TypeScript registry column by column (the migrations are hand-written SQL)", async () => {
    for (const cube of CUBE_NAMES) {
      const cols = await db.sql.query<{ column_name: string; udt_name: string; is_nullable: string }>(
        `SELECT column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position`,
        [CUBES[cube].table],
      );
      const expected = [
        ["workspace_id", "int4"],
        ["grain", "text"],
        ["bucket", "timestamptz"],
        ...CUBES[cube].dims.map((d) => [d, "text"]),
        ...BASE_COLUMN_NAMES.map((b) => [b, BASE_COLUMNS[b].type === "bigint" ? "int8" : "numeric"]),
        ...SKETCH_NAMES.flatMap((s) => [
          [`${s}_keys`, "_int2"],
          [`${s}_cum`, "_int8"],
          ...STORED_QUANTILE_NAMES.map((q) => [`${s}_${q}`, "int2"]),
        ]),
      ];
      expect(cols.map((c) => [c.column_name, c.udt_name]).sort()).toEqual(expected.sort());
      // Only the stored quantile keys may be NULL (an empty sketch has none).
      expect(
        cols
          .filter((c) => c.is_nullable === "YES")
          .map((c) => c.column_name)
          .sort(),
      ).toEqual(SKETCH_NAMES.flatMap((s) => STORED_QUANTILE_NAMES.map((q) => `${s}_${q}`)).sort());
    }
  });

  it("compute the same sketch keys in SQL as in TypeScript", async () => {
    const rows = await db.sql.query<{ v: number; k: number | null }>(
      `SELECT v, ${sketchKeySql("v")} AS k FROM (SELECT generate_series(0, 100000) AS v UNION ALL SELECT generate_series(100000, 86400000, 9973)) s`,
    );
    const wrong = rows.filter((r) => r.k !== sketchKey(r.v));
    expect(rows.length).toBeGreaterThan(100_000);
    expect(wrong.slice(0, 5)).toEqual([]);
    const [nul] = await db.sql.query<{ k: number | null }>(`SELECT ${sketchKeySql("NULL::int")} AS k`);
    expect(nul!.k).toBeNull();
  });
});
