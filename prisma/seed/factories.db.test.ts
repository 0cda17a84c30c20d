import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { verifyPassword } from "@/lib/auth/passwords";
import type { Database } from "@/lib/db/open-database";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { FACTORY_PASSWORD, makeApiKey, makeEvent, makeUser, makeWorkspace } from "./factories";
import { openTestDatabase, uid } from "./test-db";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("factories", () => {
  it("makeWorkspace creates a workspace with a unique slug, or the one asked for", async () => {
    const a = await makeWorkspace(db.prisma);
    const b = await makeWorkspace(db.prisma);
    expect(a.slug).not.toBe(b.slug);
    const slug = uid("named");
    const named = await makeWorkspace(db.prisma, { slug, name: "Named", timezone: "Europe/Paris" });
    expect(await db.prisma.workspace.findUnique({ where: { slug } })).toMatchObject({
      id: named.id,
      name: "Named",
      timezone: "Europe/Paris",
    });
  });

  it("makeUser adds a member by workspace id or slug, with a password that verifies", async () => {
    const ws = await makeWorkspace(db.prisma);
    const viewer = await makeUser(db.prisma, { workspaceId: ws.id, role: "viewer" });
    const admin = await makeUser(db.prisma, { slug: ws.slug, role: "admin", password: "another-password" });
    expect(viewer).toMatchObject({ workspace: ws.slug, role: "viewer", password: FACTORY_PASSWORD });
    const rows = await db.prisma.membership.findMany({
      where: { workspaceId: ws.id },
      select: { role: true, user: { select: { email: true, passwordHash: true } } },
    });
    expect(rows.map((r) => [r.user.email, r.role]).sort()).toEqual(
      [
        [admin.email, "admin"],
        [viewer.email, "viewer"],
      ].sort(),
    );
    const adminRow = rows.find((r) => r.user.email === admin.email)!;
    expect(await verifyPassword("another-password", adminRow.user.passwordHash)).toBe(true);
    expect(await verifyPassword(FACTORY_PASSWORD, adminRow.user.passwordHash)).toBe(false);
  });

  it("makeApiKey returns a secret that authenticates to its workspace with its scopes", async () => {
    const ws = await makeWorkspace(db.prisma);
    const key = await makeApiKey(db.prisma, { workspaceId: ws.id, scopes: ["ingest"] });
    const principal = await authenticateApiKey(db.prisma, key.secret);
    expect(principal.workspace.slug).toBe(ws.slug);
    expect(principal.scopes).toEqual(["ingest"]);
    const stored = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(JSON.stringify(stored)).not.toContain(key.secret);
  });

  it("makeEvent builds unique, valid contract events that ingestion stores", async () => {
    const ws = await makeWorkspace(db.prisma);
    const plain = makeEvent();
    const failed = makeEvent({ status: "throttled", httpStatus: 429, errorType: "rate_limit", usage: { inputTokens: 0, outputTokens: 0 } });
    expect(plain.id).not.toBe(failed.id);
    expect(failed.usage).toEqual({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    const r = await ingestEvents(db, ws.id, [plain, failed]);
    expect(r).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const rows = await db.prisma.usageEvent.findMany({ where: { workspaceId: ws.id }, orderBy: { eventId: "asc" } });
    expect(rows.map((e) => e.eventId).sort()).toEqual([plain.id, failed.id].sort());
    expect(rows.find((e) => e.eventId === plain.id)).toMatchObject({
      model: "gpt-4o-mini",
      status: "ok",
      inputTokens: 1_200,
      priced: true,
    });
  });
});
