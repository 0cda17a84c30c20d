import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { authenticateApiKey, createApiKey, revokeApiKey } from "./api-keys";
import { verifyPassword } from "./passwords";
import { resolveAccess } from "./workspace-access";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

describe("API keys", () => {
  it("stores only the hash, resolves the key to its workspace, and refuses it once revoked", async () => {
    const ws = await createWorkspace(db.prisma, { slug: uid("keys") });
    const key = await createApiKey(db.prisma, { workspaceId: ws.id, name: "ci", scopes: ["ingest"] });
    const [row] = await db.sql.query<Record<string, unknown>>(`SELECT * FROM api_keys WHERE id = $1`, [key.id]);
    expect(JSON.stringify(row)).not.toContain(key.secret);
    expect(row?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.prefix).toBe(key.secret.slice(0, 12));

    const principal = await authenticateApiKey(db.prisma, key.secret);
    expect(principal).toMatchObject({ keyId: key.id, scopes: ["ingest"], workspace: { id: ws.id, slug: ws.slug } });
    const used = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(used.lastUsedAt).toBeInstanceOf(Date);

    await revokeApiKey(db.prisma, ws.id, key.id);
    await expect(authenticateApiKey(db.prisma, key.secret)).rejects.toMatchObject({ code: "unauthorized", message: /revoked/ });
  });

  it("refuses unknown and malformed secrets with 401", async () => {
    for (const secret of ["usk_" + "x".repeat(32), "nope", ""]) {
      const err = await authenticateApiKey(db.prisma, secret).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(401);
    }
  });

  it("cannot revoke another workspace's key", async () => {
    const a = await createWorkspace(db.prisma, { slug: uid("ka") });
    const b = await createWorkspace(db.prisma, { slug: uid("kb") });
    const keyB = await createApiKey(db.prisma, { workspaceId: b.id, name: "b", scopes: ["read"] });
    await expect(revokeApiKey(db.prisma, a.id, keyB.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await authenticateApiKey(db.prisma, keyB.secret)).workspace.id).toBe(b.id);
  });
});

describe("workspace access", () => {
  it("never resolves a workspace the user is not a member of", async () => {
    const a = await createWorkspace(db.prisma, { slug: uid("wa") });
    const b = await createWorkspace(db.prisma, { slug: uid("wb") });
    const email = `${uid("u")}@example.com`;
    const user = await createUser(db.prisma, { email, password: "correct horse", workspaceSlug: a.slug, role: "viewer" });
    expect((await resolveAccess(db.prisma, user.id, a.slug))?.workspace.id).toBe(a.id);
    expect(await resolveAccess(db.prisma, user.id, b.slug)).toBeNull();
    expect((await resolveAccess(db.prisma, user.id))?.role).toBe("viewer");
  });

  it("hashes passwords and refuses a second membership in the same workspace", async () => {
    const ws = await createWorkspace(db.prisma, { slug: uid("pw") });
    const email = `${uid("p")}@example.com`;
    await createUser(db.prisma, { email, password: "s3cret-pass", workspaceSlug: ws.slug, role: "owner" });
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash).not.toContain("s3cret-pass");
    expect(await verifyPassword("s3cret-pass", stored.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong-pass", stored.passwordHash)).toBe(false);
    await expect(createUser(db.prisma, { email, password: "s3cret-pass", workspaceSlug: ws.slug, role: "viewer" })).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
