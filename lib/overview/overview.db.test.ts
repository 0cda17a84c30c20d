import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import type { MemberContext } from "@/lib/members/member-context";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { listRecentEvents } from "./list-recent-events";
import { workspaceHasEvents } from "./workspace-has-events";

let db: Database;
let ctx: MemberContext;
let other: MemberContext;
let empty: MemberContext;
const base = Date.UTC(2026, 10, 10, 12); // 2026-11-10T12:00Z
const at = (hours: number) => new Date(base + hours * 3_600_000);

function event(workspaceId: number, hours: number, provider: string, model: string, cost: string, priced = true) {
  return {
    workspaceId,
    ts: at(hours),
    eventId: uid("ev"),
    provider,
    model,
    taskId: uid("task"),
    status: "ok",
    inputTokens: 100,
    outputTokens: 20,
    latencyMs: 500,
    listCostUsd: cost,
    effectiveCostUsd: cost,
    priced,
  };
}

beforeAll(async () => {
  db = await openTestDatabase();
  const [w, o, e] = await Promise.all([
    createWorkspace(db.prisma, { slug: uid("ov") }),
    createWorkspace(db.prisma, { slug: uid("ovx") }),
    createWorkspace(db.prisma, { slug: uid("ove") }),
  ]);
  ctx = { userId: 0, workspaceId: w.id, role: "viewer" };
  other = { userId: 0, workspaceId: o.id, role: "viewer" };
  empty = { userId: 0, workspaceId: e.id, role: "viewer" };
  await db.prisma.usageEvent.createMany({
    data: [
      event(w.id, -1, "openai", "gpt-4o", "1.0000000001"), // before the range
      event(w.id, 0, "openai", "gpt-4o", "0.1000000001"), // at `from`: included
      event(w.id, 1, "openai", "gpt-4o-mini", "0.2000000002"),
      event(w.id, 2, "anthropic", "claude-sonnet-4", "0.3000000003"),
      event(w.id, 3, "acme", "house-model", "0", false),
      event(w.id, 4, "openai", "gpt-4o", "5"), // at `to`: excluded
      event(o.id, 1, "google", "gemini-2.5-pro", "9"), // another workspace
    ],
  });
});

afterAll(async () => {
  await db?.close();
});

describe("workspaceHasEvents", () => {
  it("is true once a workspace stored an event, false before", async () => {
    expect(await workspaceHasEvents(db.prisma, ctx)).toBe(true);
    expect(await workspaceHasEvents(db.prisma, empty)).toBe(false);
  });
});

describe("listRecentEvents", () => {
  it("returns the newest events of this workspace first", async () => {
    const rows = await listRecentEvents(db.prisma, ctx, 3);
    expect(rows.map((r) => r.ts.toISOString())).toEqual([at(4), at(3), at(2)].map((d) => d.toISOString()));
    expect(rows[0]?.effectiveCostUsd).toBe("5");
    expect(rows[1]?.priced).toBe(false);
    const theirs = await listRecentEvents(db.prisma, other);
    expect(theirs.map((r) => r.provider)).toEqual(["google"]);
  });
});
