import { describe, expect, it } from "vitest";
import { Money } from "@/lib/pricing/money";
import { CopyBuffer } from "./copy-buffer";
import { decodeNumeric, decodeTimestamptz, readBinaryCopy } from "./testing/read-binary-copy";

/** One row of the given fields, read back as raw field bytes. */
function fields(write: (b: CopyBuffer) => void, count: number, size = 8): (Buffer | null)[] {
  const b = new CopyBuffer(size);
  b.row(count);
  write(b);
  const rows = readBinaryCopy(b.finish());
  expect(rows).toHaveLength(1);
  expect(rows[0]).toHaveLength(count);
  return rows[0]!;
}

function rand(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe("CopyBuffer (COPY binary format)", () => {
  it("frames rows with the signature, field counts, lengths, NULLs and the trailer", () => {
    const b = new CopyBuffer(4);
    for (let r = 0; r < 100; r++) {
      b.row(3);
      b.int4(r);
      b.null();
      b.text("x".repeat(r * 10));
    }
    const rows = readBinaryCopy(b.finish());
    expect(rows).toHaveLength(100);
    rows.forEach((row, r) => {
      expect(row[0]!.readInt32BE(0)).toBe(r);
      expect(row[1]).toBeNull();
      expect(row[2]!.toString("utf8")).toBe("x".repeat(r * 10));
    });
  });

  it("writes int4, int2 and bool in network order", () => {
    const [a, b, c, d, e, f] = fields((w) => {
      w.int4(0);
      w.int4(2_147_483_647);
      w.int4(100_000_000);
      w.int2(599);
      w.bool(true);
      w.bool(false);
    }, 6);
    expect([a!.readInt32BE(0), b!.readInt32BE(0), c!.readInt32BE(0), d!.readInt16BE(0), e![0], f![0]]).toEqual([
      0, 2_147_483_647, 100_000_000, 599, 1, 0,
    ]);
    expect([a!.length, d!.length, e!.length]).toEqual([4, 2, 1]);
  });

  it("writes text and jsonb as UTF-8 of any content", () => {
    const texts = ["", "plain", 'a"b,c\n\\.', "é ✓ 🚀", `${"é".repeat(3000)}x`, "\u2028", "x".repeat(5000)];
    for (const t of texts) {
      const [plain, json] = fields((w) => {
        w.text(t);
        w.optJsonb(JSON.stringify({ t }));
      }, 2);
      expect(plain!.toString("utf8")).toBe(t);
      expect(json![0]).toBe(1); // jsonb version
      expect(JSON.parse(json!.subarray(1).toString("utf8"))).toEqual({ t });
    }
  });

  it("writes timestamps as microseconds since 2000, before and after it", () => {
    const r = rand(3);
    const samples = [0, -1, 946_684_800_000, 946_684_799_999, 1_795_000_000_123, 253_402_300_799_999, -62_135_596_800_000];
    for (let i = 0; i < 5000; i++) samples.push(Math.floor((r() - 0.3) * 2 ** 42));
    for (const ms of samples) expect(decodeTimestamptz(fields((w) => w.timestamptz(ms), 1)[0]!)).toBe(ms);
  });

  it("writes numerics exactly, rounding fractions beyond 10 digits half up as numeric(20,10) would", () => {
    const r = rand(7);
    const samples = [
      "0",
      "1",
      "10000",
      "9999",
      "0.0001",
      "0.00012",
      "0.0012345678",
      "12.5",
      "100000",
      "100000.5",
      "99999.9999999999",
      "0.0000000001",
    ];
    samples.push("0.00000000005", "0.00000000004999", "9.99999999995", "99999.99999999999", "1.123456789012345678901234567890");
    for (let i = 0; i < 3000; i++) {
      const int = r() < 0.5 ? "0" : String(Math.floor(r() * 10 ** Math.floor(r() * 7)));
      const frac = Array.from({ length: Math.floor(r() * 16) }, () => Math.floor(r() * 10)).join("");
      samples.push(frac ? `${int}.${frac}` : int);
    }
    for (const s of samples) {
      const got = decodeNumeric(fields((w) => w.optNumeric(s), 1)[0]!);
      const want = new Money(s).toDecimalPlaces(10, Money.ROUND_HALF_UP);
      expect(new Money(got).equals(want), `${s} → ${got}`).toBe(true);
      const fracDigits = s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
      expect(got.split(".")[1]?.length ?? 0, s).toBe(Math.min(fracDigits, 10)); // display scale kept
    }
    expect(() => fields((w) => w.optNumeric("1e-7"), 1)).toThrow(/not a non-negative decimal/);
  });
});
