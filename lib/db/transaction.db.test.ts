import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import type { Database } from "./open-database";
import { withTransaction } from "./transaction";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("withTransaction: Prisma and raw SQL in one transaction", () => {
  it("sees its own writes through both doors and commits them together", async () => {
    const slug = uid("tx");
    const seen = await withTransaction(db, async (tx) => {
      const ws = await tx.prisma.workspace.create({ data: { slug, name: "before" } });
      // The raw door is the same connection: it sees the uncommitted Prisma row and writes to it.
      const [raw] = await tx.sql.query<{ id: number; name: string }>(
        `UPDATE "workspaces" SET "name" = 'after' WHERE "slug" = $1 RETURNING "id", "name"`,
        [slug],
      );
      const back = await tx.prisma.workspace.findUniqueOrThrow({ where: { slug } });
      return { id: ws.id, raw, back: back.name };
    });
    expect(seen).toEqual({ id: seen.id, raw: { id: seen.id, name: "after" }, back: "after" });
    expect(await db.prisma.workspace.findUnique({ where: { slug } })).toMatchObject({ name: "after" });
  });

  it("rolls back both doors' writes when fn throws", async () => {
    const a = uid("tx");
    const b = uid("tx");
    await expect(
      withTransaction(db, async (tx) => {
        await tx.prisma.workspace.create({ data: { slug: a, name: "prisma" } });
        await tx.sql.query(`INSERT INTO "workspaces" ("slug", "name") VALUES ($1, 'raw')`, [b]);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const rows = await db.sql.query(`SELECT 1 FROM "workspaces" WHERE "slug" = ANY($1::text[])`, [[a, b]]);
    expect(rows).toEqual([]);
  });

  it("returns raw values typed as db.sql does: int8 → number, numeric → decimal string, arrays and json intact", async () => {
    const [row] = await withTransaction(db, (tx) =>
      tx.sql.query(
        `SELECT 5::int8 AS "big", 9007199254740993::int8 AS "huge", 0.0000000123::numeric(24, 10) AS "money",
                $1::text[] AS "arr", '{"a": 1}'::jsonb AS "json", NULL::text AS "none"`,
        [["x", "y"]],
      ),
    );
    expect(row).toEqual({ big: 5, huge: "9007199254740993", money: "0.0000000123", arr: ["x", "y"], json: { a: 1 }, none: null });
    const [same] = await db.sql.query(`SELECT 0.0000000123::numeric(24, 10) AS "money"`);
    expect(same).toEqual({ money: "0.0000000123" });
  });

  it("hides uncommitted writes from other connections (Postgres)", async (ctx) => {
    if (db.sql.kind !== "postgres") return ctx.skip(); // PGlite has one connection: outside queries wait for the transaction
    const slug = uid("tx");
    await withTransaction(db, async (tx) => {
      await tx.sql.query(`INSERT INTO "workspaces" ("slug", "name") VALUES ($1, 'hidden')`, [slug]);
      expect(await db.sql.query(`SELECT 1 FROM "workspaces" WHERE "slug" = $1`, [slug])).toEqual([]);
    });
    expect(await db.sql.query(`SELECT 1 AS "one" FROM "workspaces" WHERE "slug" = $1`, [slug])).toEqual([{ one: 1 }]);
  });
});
