import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { resolveSessionAccess } from "./workspace-access";

// The rule pages (requireAccess: cookie) and session API routes (route(): header or cookie) share.
let db: Database;
let first: { id: number; slug: string };
let second: { id: number; slug: string };
let foreign: { id: number; slug: string };
let userId: number;
let loner: number;

beforeAll(async () => {
  db = await openTestDatabase();
  // Slugs sort "a…" < "b…": the user's first workspace is `first`.
  first = await createWorkspace(db.prisma, { slug: uid("a-wsa") });
  second = await createWorkspace(db.prisma, { slug: uid("b-wsa") });
  foreign = await createWorkspace(db.prisma, { slug: uid("c-wsa") });
  const email = `${uid("two")}@example.test`;
  userId = (await createUser(db.prisma, { email, password: "password-1", workspaceSlug: first.slug, role: "viewer" })).id;
  await createUser(db.prisma, { email, password: "password-1", workspaceSlug: second.slug, role: "admin" });
  await createUser(db.prisma, {
    email: `${uid("other")}@example.test`,
    password: "password-1",
    workspaceSlug: foreign.slug,
    role: "owner",
  });
  loner = (await db.prisma.user.create({ data: { email: `${uid("none")}@example.test`, passwordHash: "x" } })).id;
});
afterAll(async () => {
  await db?.close();
});

const slugOf = async (named: { header?: string | null; cookie?: string | null }, who = userId) =>
  (await resolveSessionAccess(db.prisma, who, named))?.workspace.slug ?? null;

describe("resolveSessionAccess", () => {
  it("uses the workspace the cookie remembers, with its role, and the first one without a cookie", async () => {
    const access = await resolveSessionAccess(db.prisma, userId, { cookie: second.slug });
    expect(access?.workspace.slug).toBe(second.slug);
    expect(access?.role).toBe("admin");
    expect(access?.workspaces.map((w) => w.slug)).toEqual([first.slug, second.slug]);
    expect(await slugOf({})).toBe(first.slug);
    expect(await slugOf({ cookie: null, header: null })).toBe(first.slug);
  });

  it("falls back to the first workspace for a cookie naming one the user is not (or no longer) a member of", async () => {
    expect(await slugOf({ cookie: foreign.slug })).toBe(first.slug);
    expect(await slugOf({ cookie: "no-such-workspace" })).toBe(first.slug);
    const left = await createWorkspace(db.prisma, { slug: uid("b-left") });
    const email = (await db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).email;
    await createUser(db.prisma, { email, password: "password-1", workspaceSlug: left.slug, role: "viewer" });
    expect(await slugOf({ cookie: left.slug })).toBe(left.slug);
    await db.prisma.membership.delete({ where: { workspaceId_userId: { workspaceId: left.id, userId } } });
    expect(await slugOf({ cookie: left.slug })).toBe(first.slug);
  });

  it("refuses an explicit header naming a workspace the user is not a member of, whatever the cookie says", async () => {
    expect(await slugOf({ header: foreign.slug })).toBeNull();
    expect(await slugOf({ header: foreign.slug, cookie: first.slug })).toBeNull();
    expect(await slugOf({ header: second.slug, cookie: first.slug })).toBe(second.slug);
  });

  it("gives a user without any membership no workspace", async () => {
    expect(await slugOf({}, loner)).toBeNull();
    expect(await slugOf({ cookie: foreign.slug }, loner)).toBeNull();
  });
});
