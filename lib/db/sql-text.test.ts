import { describe, expect, it } from "vitest";
import { ident, Params, rangeCondition } from "./sql-text";

describe("sql-text", () => {
  it("quotes registry names and refuses anything else", () => {
    expect(ident("latency_p95_ms")).toBe('"latency_p95_ms"');
    for (const bad of ['a"b', "Model", "x; drop table usage_events", "", "a b", "é"]) expect(() => ident(bad)).toThrow(/refusing/);
  });

  it("binds every range bound as a parameter", () => {
    const p = new Params();
    const sql = rangeCondition(
      "e.ts",
      [
        { lo: 0, hi: 3_600_000 },
        { lo: 7_200_000, hi: 10_800_000 },
      ],
      p,
    );
    expect(sql).toBe("((e.ts >= $1::timestamptz AND e.ts < $2::timestamptz) OR (e.ts >= $3::timestamptz AND e.ts < $4::timestamptz))");
    expect(p.values).toEqual([
      "1970-01-01T00:00:00.000Z",
      "1970-01-01T01:00:00.000Z",
      "1970-01-01T02:00:00.000Z",
      "1970-01-01T03:00:00.000Z",
    ]);
    expect(() => rangeCondition("e.ts", [], new Params())).toThrow(RangeError);
  });
});
