import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/passwords";
import type { Database } from "@/lib/db/open-database";
import { DEMO_WORKSPACE, OTHER_WORKSPACE, demoPassword, seedDemo, type SeedDemoResult } from "./seed-demo";
import { openTestDatabase } from "./test-db";

// The whole demo (~120k events) goes through the real ingestion pipeline. How long it takes is measured by
// `npm run bench:seed`, not asserted here.
const SEED_TIMEOUT = 240_000;

let db: Database;
let demoExistedBefore: boolean;
let first: SeedDemoResult;
const logs: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  // On a shared Postgres test database a previous run may have seeded already; on PGlite it never has.
  demoExistedBefore = (await db.prisma.workspace.findUnique({ where: { slug: DEMO_WORKSPACE.slug } })) !== null;
  first = await seedDemo(db, { log: (m) => logs.push(m) });
}, SEED_TIMEOUT);

afterAll(async () => {
  await db?.close();
});

async function workspaceId(slug: string): Promise<number> {
  return (await db.prisma.workspace.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

describe("seedDemo", () => {
  it("creates the demo workspace with ~30 days of events", async () => {
    if (db.config.kind === "pglite") expect(demoExistedBefore).toBe(false);
    expect(first.created).toBe(!demoExistedBefore);
    expect(first.login).toEqual({ email: "demo@unitscope.dev", password: demoPassword() });
    expect(first.events).toBeGreaterThan(110_000);
    expect(first.events).toBeLessThan(130_000);
    const ws = await db.prisma.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE.slug } });
    expect(ws.name).toBe("Acme AI (demo)");
    expect(await db.prisma.usageEvent.count({ where: { workspaceId: ws.id } })).toBe(first.events);
    if (first.created) expect(logs.some((l) => l.includes("events over 30 days"))).toBe(true);
  });

  it("creates the members with their roles, signing in with the printed password", async () => {
    const members = await db.prisma.membership.findMany({
      where: { workspace: { slug: DEMO_WORKSPACE.slug } },
      select: { role: true, user: { select: { email: true, passwordHash: true } } },
    });
    const roles = Object.fromEntries(members.map((m) => [m.user.email, m.role]));
    expect(roles).toMatchObject({
      "demo@unitscope.dev": "owner",
      "finance@unitscope.dev": "finance",
      "engineer@unitscope.dev": "engineer",
      "viewer@unitscope.dev": "viewer",
    });
    const owner = members.find((m) => m.user.email === first.login.email)!;
    expect(await verifyPassword(first.login.password, owner.user.passwordHash)).toBe(true);
  });

  it("prices the demo with the real engine: catalog models priced, the self-hosted one flagged unpriced", async () => {
    const id = await workspaceId(DEMO_WORKSPACE.slug);
    const gpt4o = await db.prisma.usageEvent.aggregate({
      where: { workspaceId: id, model: "gpt-4o", status: "ok" },
      _count: { _all: true },
      _min: { listCostUsd: true },
    });
    expect(gpt4o._count._all).toBeGreaterThan(1_000);
    expect(gpt4o._min.listCostUsd?.greaterThan(0)).toBe(true);
    expect(await db.prisma.usageEvent.count({ where: { workspaceId: id, model: "gpt-4o", priced: false } })).toBe(0);
    const selfHosted = await db.prisma.usageEvent.groupBy({
      by: ["priced"],
      where: { workspaceId: id, provider: "self-hosted" },
      _count: { _all: true },
    });
    expect(selfHosted).toEqual([{ priced: false, _count: { _all: expect.any(Number) } }]);
    expect(await db.prisma.usageEvent.count({ where: { workspaceId: id, reportedCostUsd: { not: null } } })).toBeGreaterThan(100);
  });

  it("gives the second workspace a little data of its own", async () => {
    const id = await workspaceId(OTHER_WORKSPACE.slug);
    const n = await db.prisma.usageEvent.count({ where: { workspaceId: id } });
    expect(n).toBeGreaterThan(400);
    expect(n).toBeLessThan(1_000);
    const foreignTenant = await db.prisma.usageEvent.findFirst({
      where: { workspaceId: id, tenant: { not: { startsWith: "globex-" } }, NOT: { tenant: null } },
    });
    expect(foreignTenant).toBeNull();
    const owner = await db.prisma.membership.findFirst({ where: { workspaceId: id, user: { email: "other@unitscope.dev" } } });
    expect(owner?.role).toBe("owner");
    // One demo user belongs to both workspaces: the switcher has something to switch (e2e/workspace-switch.spec.ts).
    const analyst = await db.prisma.membership.findMany({
      where: { user: { email: "analyst@unitscope.dev" } },
      select: { role: true, workspace: { select: { slug: true } } },
      orderBy: { workspace: { slug: "asc" } },
    });
    expect(analyst.map((m) => [m.workspace.slug, m.role])).toEqual([
      [DEMO_WORKSPACE.slug, "viewer"],
      [OTHER_WORKSPACE.slug, "viewer"],
    ]);
  });

  it("is idempotent: a second run changes nothing and says so", async () => {
    const demoId = await workspaceId(DEMO_WORKSPACE.slug);
    // Counted within the seeded workspaces only: other test files write to a shared Postgres concurrently.
    const snapshot = async () => ({
      events: await db.prisma.usageEvent.count({ where: { workspaceId: demoId } }),
      members: await db.prisma.membership.count({ where: { workspace: { slug: { in: [DEMO_WORKSPACE.slug, OTHER_WORKSPACE.slug] } } } }),
      users: await db.prisma.user.count({ where: { email: { endsWith: "@unitscope.dev" } } }),
    });
    const before = await snapshot();
    const messages: string[] = [];
    const again = await seedDemo(db, { log: (m) => messages.push(m) });
    expect(again).toEqual({ created: false, events: before.events, login: first.login });
    expect(messages.join("\n")).toMatch(/already has [\d,]+ events: not seeding again/);
    expect(await snapshot()).toEqual(before);
    expect(before.members).toBe(7); // demo: 4 + the analyst; other: its owner + the analyst
  });

  it(
    "finishes a seed that was interrupted half-way, without storing anything twice",
    async () => {
      const demoId = await workspaceId(DEMO_WORKSPACE.slug);
      const full = await db.prisma.usageEvent.count({ where: { workspaceId: demoId } });
      // What a crash during ingestion leaves: the newest batches missing, the members (written last) absent.
      const newest = await db.prisma.usageEvent.findFirstOrThrow({
        where: { workspaceId: demoId },
        orderBy: { ts: "desc" },
        select: { ts: true },
      });
      await db.prisma.usageEvent.deleteMany({
        where: { workspaceId: demoId, ts: { gte: new Date(newest.ts.getTime() - 10 * 86_400_000) } },
      });
      await db.prisma.membership.deleteMany({ where: { workspaceId: demoId, user: { email: first.login.email } } });
      expect(await db.prisma.usageEvent.count({ where: { workspaceId: demoId } })).toBeLessThan(full * 0.8);

      const messages: string[] = [];
      const resumed = await seedDemo(db, { log: (m) => messages.push(m) });
      expect(messages[0]).toMatch(/seeded only in part: finishing it/);
      expect(resumed.created).toBe(true);
      expect(resumed.events).toBe(full);
      expect(await db.prisma.usageEvent.count({ where: { workspaceId: demoId } })).toBe(full);
      const owner = await db.prisma.membership.findFirst({ where: { workspaceId: demoId, user: { email: first.login.email } } });
      expect(owner?.role).toBe("owner");
    },
    SEED_TIMEOUT,
  );
});
