import { describe, expect, it } from "vitest";
import { CopyBuffer } from "./copy-buffer";

function written(fn: (b: CopyBuffer) => void, size = 8): string {
  const b = new CopyBuffer(size);
  fn(b);
  return b.bytes().toString("utf8");
}

function rand(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe("CopyBuffer", () => {
  it("prints timestamps exactly as Date#toISOString, across centuries, leap days and negative epochs", () => {
    const r = rand(1);
    const samples = [0, -1, 951_782_400_000, 951_868_799_999, 4_102_444_800_000, -30_610_224_000_000, 253_402_300_799_999, -62_135_596_800_000];
    for (let i = 0; i < 20_000; i++) samples.push(Math.floor((r() - 0.3) * 2 ** 42));
    for (const ms of samples) expect(written((b) => b.timestamp(ms))).toBe(new Date(ms).toISOString());
    // Years outside 1000–9999 have other widths; they go through toISOString itself.
    expect(written((b) => b.timestamp(-62_198_755_200_000))).toBe(new Date(-62_198_755_200_000).toISOString());
  });

  it("prints integers as String does", () => {
    for (const v of [0, -0, 1, 9, 10, 99, 100, 2_147_483_647, -5, 100_000_000, Number.MAX_SAFE_INTEGER, 1.5, 1e21]) {
      expect(written((b) => b.int(v))).toBe(String(v));
    }
  });

  it("quotes text, doubles quotes, and encodes any Unicode as UTF-8, growing as needed", () => {
    const texts = ["", "plain", 'a"b', '""', "a,b\nc\r\\.", "é ✓ 🚀", 'é"x"', "x".repeat(5000), `${"é".repeat(3000)}"`, "\u2028"];
    for (const t of texts) expect(written((b) => b.text(t))).toBe(`"${t.replaceAll('"', '""')}"`);
    const all = written((b) => {
      for (const t of texts) {
        b.text(t);
        b.comma();
        b.optText(null);
        b.newline();
      }
    });
    expect(all).toBe(texts.map((t) => `"${t.replaceAll('"', '""')}",\n`).join(""));
  });

  it("writes raw decimal strings unchanged", () => {
    expect(written((b) => b.raw("0.0012345678"))).toBe("0.0012345678");
    expect(written((b) => b.raw("ü1"))).toBe("ü1");
  });
});
