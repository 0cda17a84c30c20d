import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";
import { createWorkspaceKey } from "@/lib/keys/create-workspace-key";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { getUserProfile } from "./get-user-profile";
import { getWorkspaceSummary } from "./get-workspace-summary";
import { listMembers } from "./list-members";
import { switchWorkspace } from "./switch-workspace";

let db: Database;
let a: { id: number; slug: string };
let b: { id: number; slug: string };
let c: { id: number; slug: string };
const users: Record<string, { id: number; email: string }> = {};

async function errorCode(p: Promise<unknown>): Promise<string | null> {
  return p.then(
    () => null,
    (e: unknown) => (e instanceof ApiError ? e.code : `not an ApiError: ${String(e)}`),
  );
}

beforeAll(async () => {
  db = await openTestDatabase();
  a = await createWorkspace(db.prisma, { slug: uid("ma"), name: "Acme AI", timezone: "Europe/Paris" });
  b = await createWorkspace(db.prisma, { slug: uid("mb") });
  c = await createWorkspace(db.prisma, { slug: uid("mc") });
  const viewerEmail = `${uid("zed")}@example.test`;
  const ownerEmail = `${uid("zoe")}@example.test`;
  const engEmail = `${uid("amy")}@example.test`;
  users.viewer = await createUser(db.prisma, {
    email: viewerEmail,
    name: "Zed",
    password: "password-1",
    workspaceSlug: a.slug,
    role: "viewer",
  });
  users.owner = await createUser(db.prisma, {
    email: ownerEmail,
    name: "Zoe",
    password: "password-1",
    workspaceSlug: a.slug,
    role: "owner",
  });
  users.engineer = await createUser(db.prisma, { email: engEmail, password: "password-1", workspaceSlug: a.slug, role: "engineer" });
  // The owner of A is also a viewer of B; nobody from A is in C.
  await createUser(db.prisma, { email: ownerEmail, password: "password-1", workspaceSlug: b.slug, role: "viewer" });
  users.other = await createUser(db.prisma, {
    email: `${uid("bob")}@example.test`,
    password: "password-1",
    workspaceSlug: c.slug,
    role: "owner",
  });
});

afterAll(async () => {
  await db?.close();
});

describe("listMembers", () => {
  it("lists only this workspace's members, owners first", async () => {
    const rows = await listMembers(db.prisma, { userId: users.viewer!.id, workspaceId: a.id, role: "viewer" });
    expect(rows.map((r) => r.role)).toEqual(["owner", "engineer", "viewer"]);
    expect(rows.map((r) => r.email)).toEqual([users.owner!.email, users.engineer!.email, users.viewer!.email]);
    expect(rows[0]?.name).toBe("Zoe");
    expect(rows.every((r) => r.joinedAt instanceof Date)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("$2");
  });

  it("workspace B's list shows its own members only", async () => {
    const rows = await listMembers(db.prisma, { userId: users.owner!.id, workspaceId: b.id, role: "viewer" });
    expect(rows.map((r) => r.email)).toEqual([users.owner!.email]);
  });
});

describe("switchWorkspace", () => {
  it("accepts a workspace the user belongs to", async () => {
    expect(await switchWorkspace(db.prisma, users.owner!.id, b.slug)).toBe(b.slug);
    expect(await switchWorkspace(db.prisma, users.owner!.id, a.slug.toUpperCase())).toBe(a.slug);
  });

  it("refuses a workspace the user does not belong to", async () => {
    expect(await errorCode(switchWorkspace(db.prisma, users.owner!.id, c.slug))).toBe("forbidden");
    expect(await errorCode(switchWorkspace(db.prisma, users.other!.id, a.slug))).toBe("forbidden");
  });

  it("refuses something that is not a slug", async () => {
    expect(await errorCode(switchWorkspace(db.prisma, users.owner!.id, "../etc"))).toBe("invalid_request");
    expect(await errorCode(switchWorkspace(db.prisma, users.owner!.id, undefined))).toBe("invalid_request");
  });
});

describe("workspace summary and profile", () => {
  it("counts members and active keys of this workspace", async () => {
    const owner = { userId: users.owner!.id, workspaceId: a.id, role: "owner" as const };
    const before = await getWorkspaceSummary(db.prisma, owner);
    expect(before).toMatchObject({ slug: a.slug, name: "Acme AI", timezone: "Europe/Paris", members: 3, activeKeys: 0 });
    await createWorkspaceKey(db.prisma, owner, { name: "k", scopes: ["ingest"] });
    expect((await getWorkspaceSummary(db.prisma, owner)).activeKeys).toBe(1);
    expect((await getWorkspaceSummary(db.prisma, { ...owner, workspaceId: b.id, role: "viewer" })).activeKeys).toBe(0);
  });

  it("returns the user's email and name, never the hash", async () => {
    const p = await getUserProfile(db.prisma, users.owner!.id);
    expect(p).toEqual({ id: users.owner!.id, email: users.owner!.email, name: "Zoe" });
  });
});
