import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

const origin = "http://localhost:3000";

describe("safeCallbackPath", () => {
  it.each([
    ["/spend?range=30d", "/spend?range=30d"],
    ["/settings/api-keys", "/settings/api-keys"],
    ["http://localhost:3000/vendors?range=7d", "/vendors?range=7d"],
    [undefined, "/overview"],
    [["/spend"], "/overview"],
    ["https://evil.example/", "/overview"],
    ["http://localhost:3001/spend", "/overview"],
    ["http://localhost:3000//evil.example", "/overview"],
    ["//evil.example", "/overview"],
    ["/\\evil.example", "/overview"],
    ["/login?error=x", "/overview"],
    ["/api/auth/signout", "/overview"],
    ["spend", "/overview"],
    ["javascript:alert(1)", "/overview"],
  ])("%j → %s", (raw, out) => {
    expect(safeCallbackPath(raw, origin)).toBe(out);
  });

  it("without a known origin, absolute URLs are refused", () => {
    expect(safeCallbackPath("http://localhost:3000/spend")).toBe("/overview");
  });
});
