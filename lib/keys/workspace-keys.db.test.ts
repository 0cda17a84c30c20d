import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { hashApiKeySecret } from "@/lib/auth/api-key-secret";
import type { Role } from "@/lib/auth/roles";
import type { Database } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";
import type { MemberContext } from "@/lib/members/member-context";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { createWorkspaceKey } from "./create-workspace-key";
import { listWorkspaceKeys } from "./list-workspace-keys";
import { revokeWorkspaceKey } from "./revoke-workspace-key";

let db: Database;
const ctx: Record<"ownerA" | "adminA" | "engineerA" | "financeA" | "viewerA" | "ownerB", MemberContext> = {} as never;

async function member(slug: string, workspaceId: number, role: Role): Promise<MemberContext> {
  const u = await createUser(db.prisma, { email: `${uid(role)}@example.test`, password: "correct horse", workspaceSlug: slug, role });
  return { userId: u.id, workspaceId, role };
}

async function expectApiError(p: Promise<unknown>, code: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected ApiError ${code}`).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe(code);
}

const keyCount = (workspaceId: number) => db.prisma.apiKey.count({ where: { workspaceId } });

beforeAll(async () => {
  db = await openTestDatabase();
  const a = await createWorkspace(db.prisma, { slug: uid("wa") });
  const b = await createWorkspace(db.prisma, { slug: uid("wb") });
  ctx.ownerA = await member(a.slug, a.id, "owner");
  ctx.adminA = await member(a.slug, a.id, "admin");
  ctx.engineerA = await member(a.slug, a.id, "engineer");
  ctx.financeA = await member(a.slug, a.id, "finance");
  ctx.viewerA = await member(a.slug, a.id, "viewer");
  ctx.ownerB = await member(b.slug, b.id, "owner");
});

afterAll(async () => {
  await db?.close();
});

describe("creating keys", () => {
  it("an owner gets the secret once; only its hash is stored", async () => {
    const key = await createWorkspaceKey(db.prisma, ctx.ownerA, { name: "  ingest prod ", scopes: ["ingest", "read", "ingest"] });
    expect(key.secret).toMatch(/^usk_/);
    expect(key.name).toBe("ingest prod");
    expect(key.scopes).toEqual(["ingest", "read"]);
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    const row = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.hash).toBe(hashApiKeySecret(key.secret));
    expect(row.createdById).toBe(ctx.ownerA.userId);
    expect(JSON.stringify(row)).not.toContain(key.secret);
    const principal = await authenticateApiKey(db.prisma, key.secret);
    expect(principal.workspace.id).toBe(ctx.ownerA.workspaceId);
  });

  it("an admin may create keys", async () => {
    const key = await createWorkspaceKey(db.prisma, ctx.adminA, { name: "admin key", scopes: ["read"] });
    expect(key.scopes).toEqual(["read"]);
  });

  it.each(["viewerA", "engineerA", "financeA"] as const)("%s is refused and nothing is written", async (who) => {
    const before = await keyCount(ctx[who].workspaceId);
    await expectApiError(createWorkspaceKey(db.prisma, ctx[who], { name: "sneaky", scopes: ["ingest"] }), "forbidden");
    expect(await keyCount(ctx[who].workspaceId)).toBe(before);
  });

  it.each([
    [{ name: "", scopes: ["ingest"] }],
    [{ name: "x".repeat(81), scopes: ["ingest"] }],
    [{ name: "no scopes", scopes: [] }],
    [{ name: "bad scope", scopes: ["admin"] }],
  ])("invalid input %j is a 400 and writes nothing", async (input) => {
    const before = await keyCount(ctx.ownerA.workspaceId);
    await expectApiError(createWorkspaceKey(db.prisma, ctx.ownerA, input as never), "invalid_body");
    expect(await keyCount(ctx.ownerA.workspaceId)).toBe(before);
  });
});

describe("listing keys", () => {
  it("shows the workspace's keys without hashes, active ones first", async () => {
    const gone = await createWorkspaceKey(db.prisma, ctx.ownerA, { name: "to revoke", scopes: ["ingest"] });
    await revokeWorkspaceKey(db.prisma, ctx.ownerA, gone.id);
    const keys = await listWorkspaceKeys(db.prisma, ctx.engineerA);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(keys.every((k) => !("hash" in k))).toBe(true);
    const firstRevoked = keys.findIndex((k) => k.revokedAt !== null);
    expect(firstRevoked).toBeGreaterThan(0);
    expect(keys.slice(firstRevoked).every((k) => k.revokedAt !== null)).toBe(true);
    expect(keys.find((k) => k.id === gone.id)?.revokedAt).toBeInstanceOf(Date);
    expect(keys.some((k) => k.createdBy !== null && k.createdBy.includes("@"))).toBe(true);
  });

  it("a viewer may not list keys", async () => {
    await expectApiError(listWorkspaceKeys(db.prisma, ctx.viewerA), "forbidden");
  });

  it("a member of workspace B never sees workspace A's keys", async () => {
    const mine = await createWorkspaceKey(db.prisma, ctx.ownerB, { name: "b key", scopes: ["read"] });
    const keysB = await listWorkspaceKeys(db.prisma, ctx.ownerB);
    expect(keysB.map((k) => k.id)).toEqual([mine.id]);
    const keysA = await listWorkspaceKeys(db.prisma, ctx.ownerA);
    expect(keysA.map((k) => k.id)).not.toContain(mine.id);
  });
});

describe("revoking keys", () => {
  it("an owner revokes; the key is refused afterwards; a second revoke is not found", async () => {
    const key = await createWorkspaceKey(db.prisma, ctx.ownerA, { name: "short-lived", scopes: ["ingest"] });
    await revokeWorkspaceKey(db.prisma, ctx.ownerA, String(key.id));
    await expectApiError(authenticateApiKey(db.prisma, key.secret), "unauthorized");
    await expectApiError(revokeWorkspaceKey(db.prisma, ctx.ownerA, key.id), "not_found");
  });

  it("a viewer cannot revoke, and the key keeps working", async () => {
    const key = await createWorkspaceKey(db.prisma, ctx.ownerA, { name: "keep me", scopes: ["ingest"] });
    await expectApiError(revokeWorkspaceKey(db.prisma, ctx.viewerA, key.id), "forbidden");
    await expectApiError(revokeWorkspaceKey(db.prisma, ctx.engineerA, key.id), "forbidden");
    const row = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.revokedAt).toBeNull();
    expect((await authenticateApiKey(db.prisma, key.secret)).keyId).toBe(key.id);
  });

  it("the owner of workspace B cannot revoke workspace A's key", async () => {
    const key = await createWorkspaceKey(db.prisma, ctx.ownerA, { name: "a's key", scopes: ["read"] });
    await expectApiError(revokeWorkspaceKey(db.prisma, ctx.ownerB, key.id), "not_found");
    const row = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.revokedAt).toBeNull();
  });

  it.each(["abc", "-1", "0", "1.5", "99999999999"])("a malformed id %s is a 400", async (id) => {
    await expectApiError(revokeWorkspaceKey(db.prisma, ctx.ownerA, id), "invalid_request");
  });
});
