import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { readJsonBody } from "./read-json-body";

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/x", { method: "POST", body, headers });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (err) {
    return err instanceof ApiError ? err.code : String(err);
  }
}

describe("readJsonBody", () => {
  it("parses JSON within the limit", async () => {
    expect(await readJsonBody(post('{"a":1}'), 100)).toEqual({ a: 1 });
  });

  it("measures the limit in UTF-8 bytes, not UTF-16 code units", async () => {
    const body = JSON.stringify({ s: "€".repeat(30) }); // 38 code units, 98 bytes
    expect(await codeOf(readJsonBody(post(body), 60))).toBe("payload_too_large");
    expect(await codeOf(readJsonBody(post(body), 98))).toBe("ok");
  });

  it("refuses a declared length above the limit before reading, other media types and bad JSON", async () => {
    expect(await codeOf(readJsonBody(post("{}", { "content-type": "application/json", "content-length": "5000" }), 100))).toBe(
      "payload_too_large",
    );
    expect(await codeOf(readJsonBody(post("{}", { "content-type": "text/plain" })))).toBe("unsupported_media_type");
    expect(await codeOf(readJsonBody(post("{"), 100))).toBe("invalid_body");
  });
});
