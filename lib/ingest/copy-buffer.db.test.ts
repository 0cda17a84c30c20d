import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { Money } from "@/lib/pricing/money";
import { openTestDatabase } from "@/prisma/seed/test-db";
import { CopyBuffer } from "./copy-buffer";

/** The binary COPY bytes as the real server reads them (PostgreSQL, or PGlite without DATABASE_URL). */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

type Row = { i: number; h: number | null; s: string | null; ms: number; n: string | null; b: boolean; j: unknown };

describe("CopyBuffer against the database", () => {
  it("stores every type ingestion writes exactly as intended", async () => {
    const rows: Row[] = [
      { i: 0, h: 100, s: "", ms: 0, n: "0", b: true, j: { a: 1 } },
      { i: 2_147_483_647, h: 599, s: 'a"b,c\n\\.\t', ms: -1, n: "99999.9999999999", b: false, j: null },
      { i: 100_000_000, h: null, s: "é ✓ 🚀", ms: 946_684_800_000, n: "0.0000000001", b: true, j: { q: '"', nested: [null, "é"] } },
      { i: 7, h: 200, s: null, ms: 1_795_000_000_123, n: "1.123456789012345678", b: false, j: {} },
      { i: 8, h: 201, s: "x".repeat(3000), ms: 946_684_799_999, n: "9.99999999995", b: true, j: [1, 2] },
      { i: 9, h: 202, s: "tab", ms: 1_700_000_000_001, n: null, b: true, j: "str" },
      { i: 10, h: 203, s: "\u2028", ms: 1_700_000_000_002, n: "100000", b: true, j: 5 },
      { i: 11, h: 204, s: "0", ms: 1_700_000_000_003, n: "0.0012345678", b: true, j: true },
    ];
    const out = new CopyBuffer(64);
    for (const r of rows) {
      out.row(7);
      out.int4(r.i);
      out.optInt2(r.h);
      out.optText(r.s);
      out.timestamptz(r.ms);
      out.optNumeric(r.n);
      out.bool(r.b);
      out.optJsonb(r.j === null ? null : JSON.stringify(r.j));
    }
    const stored = await db.sql.transaction(async (tx) => {
      await tx.exec(
        `CREATE TEMP TABLE copy_check (i int4, h int2, s text, ts timestamptz(3), n numeric(20,10), b bool, j jsonb) ON COMMIT DROP`,
      );
      expect(await tx.copyFrom(`COPY copy_check (i, h, s, ts, n, b, j) FROM STDIN WITH (FORMAT binary)`, out.finish())).toBe(rows.length);
      return tx.query<{ i: number; h: number | null; s: string | null; ms: string; n: string | null; b: boolean; j: string | null }>(
        `SELECT i, h, s, (extract(epoch FROM ts) * 1000)::int8::text AS ms, n::text AS n, b, j::text AS j FROM copy_check ORDER BY i`,
      );
    });
    expect(stored).toHaveLength(rows.length);
    const byI = [...rows].sort((a, b) => a.i - b.i);
    stored.forEach((got, k) => {
      const want = byI[k]!;
      expect(got.i).toBe(want.i);
      expect(got.h).toBe(want.h);
      expect(got.s).toBe(want.s);
      expect(Number(got.ms)).toBe(want.ms);
      expect(got.n).toBe(want.n === null ? null : new Money(want.n).toFixed(10, Money.ROUND_HALF_UP));
      expect(got.b).toBe(want.b);
      expect(got.j === null ? null : JSON.parse(got.j)).toEqual(want.j);
    });
  });
});
