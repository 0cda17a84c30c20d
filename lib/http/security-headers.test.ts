import { describe, expect, it } from "vitest";
import { API_CSP, hardeningHeaders, isCrossOrigin, newNonce, pageCsp, servedOverHttps } from "./security-headers";

const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );

describe("security headers", () => {
  it("pages allow only nonced scripts, no eval outside dev, and never framing", () => {
    const nonce = newNonce();
    const prod = directives(pageCsp({ nonce, dev: false, https: false }));
    expect(prod.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(prod.get("frame-ancestors")).toEqual(["'none'"]);
    expect(prod.get("object-src")).toEqual(["'none'"]);
    expect(prod.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(pageCsp({ nonce, dev: true, https: false })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(pageCsp({ nonce, dev: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
    expect(newNonce()).not.toBe(nonce);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("API answers load nothing and cannot be framed", () => {
    expect(directives(API_CSP).get("default-src")).toEqual(["'none'"]);
    expect(directives(API_CSP).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("sends HSTS only when NEXTAUTH_URL is https", () => {
    expect(servedOverHttps({ NEXTAUTH_URL: "https://unitscope.example.com" })).toBe(true);
    expect(servedOverHttps({ NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(servedOverHttps({})).toBe(false);
    expect(hardeningHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(hardeningHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(hardeningHeaders({ https: false })).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("tells a cross-origin request from a same-origin one as Next's server-action check does", () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(isCrossOrigin(h({ host: "app.example:3000", origin: "http://app.example:3000" }))).toBe(false);
    expect(isCrossOrigin(h({ host: "internal:3000", "x-forwarded-host": "app.example", origin: "https://app.example" }))).toBe(false);
    expect(isCrossOrigin(h({ host: "app.example:3000" }))).toBe(false); // no Origin: not a browser's cross-site POST
    expect(isCrossOrigin(h({ host: "app.example:3000", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOrigin(h({ host: "app.example:3000", origin: "null" }))).toBe(true);
    expect(isCrossOrigin(h({ host: "app.example:3000", origin: "%%%" }))).toBe(true);
  });
});
