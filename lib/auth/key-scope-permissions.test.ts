import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { actorCan, assertCan, type Actor } from "./actor";
import { API_KEY_SCOPES, type ApiKeyScope } from "./api-key-secret";
import { KEY_SCOPE_PERMISSIONS, SESSION_ONLY_PERMISSIONS } from "./key-scope-permissions";
import { can, PERMISSION_NAMES, ROLES } from "./roles";

const key = (...scopes: ApiKeyScope[]): Actor => ({ kind: "key", keyId: 1, scopes });

describe("what API key scopes grant", () => {
  it("places every permission exactly once: a read, a manage or a session-only permission", () => {
    // A new permission fails here until someone decides whether keys may hold it.
    const placed = [...KEY_SCOPE_PERMISSIONS.read, ...KEY_SCOPE_PERMISSIONS.manage, ...SESSION_ONLY_PERMISSIONS];
    expect([...placed].sort()).toEqual([...PERMISSION_NAMES].sort());
  });

  it("read grants the reads; manage grants the wave-2 and pricing management permissions", () => {
    expect(KEY_SCOPE_PERMISSIONS.read.every((p) => p.endsWith(":read"))).toBe(true);
    expect([...KEY_SCOPE_PERMISSIONS.manage].sort()).toEqual(
      ["alerts:manage", "billing:import", "budgets:manage", "inventory:manage", "pricing:manage", "quotas:manage", "slos:manage"].sort(),
    );
    expect(KEY_SCOPE_PERMISSIONS.ingest).toEqual([]);
  });

  it("no scope, nor all of them together, lets a key mint keys or members or change settings", () => {
    for (const p of ["keys:manage", "members:manage", "settings:manage"] as const) {
      expect(actorCan(key(...API_KEY_SCOPES), p)).toBe(false);
    }
  });

  it("grants by scope, not by a permission's name", () => {
    expect(actorCan(key("read"), "pricing:read")).toBe(true);
    expect(actorCan(key("read"), "pricing:manage")).toBe(false);
    expect(actorCan(key("manage"), "pricing:manage")).toBe(true);
    expect(actorCan(key("manage"), "alerts:manage")).toBe(true);
    expect(actorCan(key("manage"), "billing:import")).toBe(true);
    expect(actorCan(key("manage"), "pricing:read")).toBe(false);
    expect(PERMISSION_NAMES.some((p) => actorCan(key("ingest"), p))).toBe(false);
  });

  it("decides for a user exactly as the role table does", () => {
    for (const role of ROLES)
      for (const p of PERMISSION_NAMES) expect(actorCan({ kind: "user", userId: 1, role }, p), `${role} ${p}`).toBe(can(role, p));
  });

  it("assertCan refuses with a 403 that names the missing permission", () => {
    const err = (() => {
      try {
        assertCan({ workspaceId: 1, actor: key("read") }, "budgets:manage");
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "forbidden", message: "this API key's scopes (read) do not grant budgets:manage" });
    expect(() => assertCan({ workspaceId: 1, actor: { kind: "user", userId: 1, role: "finance" } }, "budgets:manage")).not.toThrow();
  });
});
