import { describe, expect, it } from "vitest";
import { can, ROLES } from "./roles";
import { generateApiKeySecret, hashApiKeySecret, looksLikeApiKey, parseScopes } from "./api-key-secret";

describe("roles", () => {
  it("lets only owners and admins manage keys and members", () => {
    expect(ROLES.filter((r) => can(r, "keys:manage"))).toEqual(["owner", "admin"]);
    expect(ROLES.filter((r) => can(r, "members:manage"))).toEqual(["owner", "admin"]);
  });
  it("hides API keys from viewers but lets every member read dashboards", () => {
    expect(can("viewer", "keys:read")).toBe(false);
    expect(ROLES.every((r) => can(r, "dashboards:read"))).toBe(true);
  });
  it("lets finance manage prices but not keys", () => {
    expect(can("finance", "pricing:manage")).toBe(true);
    expect(can("finance", "keys:manage")).toBe(false);
    expect(can("engineer", "pricing:manage")).toBe(false);
  });
});

describe("API key secrets", () => {
  it("are random, prefixed, and hashed with sha256", () => {
    const a = generateApiKeySecret();
    const b = generateApiKeySecret();
    expect(a.secret).not.toBe(b.secret);
    expect(looksLikeApiKey(a.secret)).toBe(true);
    expect(a.secret.startsWith(a.prefix)).toBe(true);
    expect(a.prefix.length).toBeLessThan(a.secret.length / 2);
    expect(a.hash).toBe(hashApiKeySecret(a.secret));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.secret.slice(4));
  });
  it("parses scope lists strictly", () => {
    expect(parseScopes("ingest, read,ingest")).toEqual(["ingest", "read"]);
    expect(() => parseScopes("admin")).toThrow();
    expect(() => parseScopes("")).toThrow();
  });
});
