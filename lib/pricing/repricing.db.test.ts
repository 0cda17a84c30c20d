import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open-database";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { effectiveTotal, insertPricedEvents } from "./pricing-events.test-helper";
import { requestRepricing } from "./request-repricing";
import { runRepricing } from "./run-repricing";
import { createContractTerm, deleteContractTerm, updateContractTerm } from "./save-contract-term";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const DAY = 86_400_000;
const now = Date.now();
const daysAgo = (d: number) => new Date(now - d * DAY);

async function setup() {
  const ws = await db.prisma.workspace.create({ data: { slug: uid("w"), name: "repricing" } });
  const user = await db.prisma.user.create({ data: { email: `${uid("u")}@example.com`, passwordHash: "x" } });
  return { ws, user };
}

const financeActor = (userId: number): Actor => ({ kind: "user", userId, role: "finance" });

// gpt-4o: 1M input tokens = $2.50 list.
const call = (ts: Date) => ({ ts, provider: "openai", model: "gpt-4o", usage: { inputTokens: 1_000_000, outputTokens: 0 } });

describe("re-pricing after a contract change effective in the past", () => {
  it("changes last week's totals and no others, is audited, and running it again changes nothing", async () => {
    const { ws, user } = await setup();
    await insertPricedEvents(db, ws.id, [
      call(daysAgo(12)),
      call(daysAgo(9)),
      call(daysAgo(8)),
      call(daysAgo(6)),
      call(daysAgo(5)),
      call(daysAgo(1)),
    ]);
    const lastWeek = { from: daysAgo(10), to: daysAgo(3) };
    const before = {
      earlier: await effectiveTotal(db, ws.id, daysAgo(30), lastWeek.from),
      lastWeek: await effectiveTotal(db, ws.id, lastWeek.from, lastWeek.to),
      after: await effectiveTotal(db, ws.id, lastWeek.to, new Date(now + DAY)),
    };
    expect(before).toEqual({ earlier: "2.5", lastWeek: "10", after: "2.5" });

    const saved = await createContractTerm(
      db,
      { workspaceId: ws.id, actor: financeActor(user.id) },
      {
        kind: "discount",
        name: "Q4 true-up",
        provider: "openai",
        discountPercent: "20",
        effectiveFrom: lastWeek.from.toISOString(),
        effectiveTo: lastWeek.to.toISOString(),
      },
    );
    expect(saved.repricingRunId).not.toBeNull();
    const progress: [number, number][] = [];
    const out = await runRepricing(db, saved.repricingRunId!, async (d, t) => void progress.push([d, t]));
    expect(out).toMatchObject({ status: "succeeded", scanned: 4, touched: 4 });
    expect(progress.at(-1)).toEqual([4, 4]);

    expect(await effectiveTotal(db, ws.id, daysAgo(30), lastWeek.from)).toBe("2.5");
    expect(await effectiveTotal(db, ws.id, lastWeek.from, lastWeek.to)).toBe("8");
    expect(await effectiveTotal(db, ws.id, lastWeek.to, new Date(now + DAY))).toBe("2.5");

    const run = await db.prisma.repricingRun.findUniqueOrThrow({ where: { id: saved.repricingRunId! } });
    expect(run).toMatchObject({ status: "succeeded", requestedById: user.id, eventsTotal: 4, eventsScanned: 4, eventsTouched: 4 });
    expect(run.windowFrom.getTime()).toBe(lastWeek.from.getTime());
    expect(run.windowTo.getTime()).toBe(lastWeek.to.getTime());
    expect([run.oldEffectiveTotalUsd.toString(), run.newEffectiveTotalUsd.toString()]).toEqual(["10", "8"]);
    expect([run.oldListTotalUsd.toString(), run.newListTotalUsd.toString()]).toEqual(["10", "10"]);
    expect(run.reason).toContain("created");
    expect(run.change).toMatchObject({ action: "create", after: { kind: "discount", discountPercent: "20" } });

    // The same run delivered twice (at-least-once queue) does nothing the second time.
    expect(await runRepricing(db, saved.repricingRunId!)).toMatchObject({ status: "already_done", touched: 0 });
    // Re-pricing the same window again finds nothing to change.
    const again = await requestRepricing(
      db,
      { workspaceId: ws.id, actor: financeActor(user.id) },
      {
        reason: "manual",
        change: {},
        windowFrom: lastWeek.from,
        windowTo: lastWeek.to,
      },
    );
    expect(await runRepricing(db, again!)).toMatchObject({ scanned: 4, touched: 0 });
    const second = await db.prisma.repricingRun.findUniqueOrThrow({ where: { id: again! } });
    expect([second.oldEffectiveTotalUsd.toString(), second.newEffectiveTotalUsd.toString(), second.eventsTouched]).toEqual(["8", "8", 0]);
    expect(await effectiveTotal(db, ws.id, lastWeek.from, lastWeek.to)).toBe("8");
  });

  it("an update re-prices the union of the old and new windows; a delete restores list prices", async () => {
    const { ws, user } = await setup();
    await insertPricedEvents(db, ws.id, [call(daysAgo(6)), call(daysAgo(4)), call(daysAgo(2))]);
    const actor = { workspaceId: ws.id, actor: financeActor(user.id) };
    const base = {
      kind: "custom_price" as const,
      name: "negotiated",
      provider: "openai",
      model: "gpt-4o",
      prices: { input: "2", output: "8" },
    };
    const created = await createContractTerm(db, actor, { ...base, effectiveFrom: daysAgo(5).toISOString() });
    await runRepricing(db, created.repricingRunId!);
    expect(await effectiveTotal(db, ws.id, daysAgo(30), new Date(now + DAY))).toBe("6.5"); // 2.5 + 2 + 2

    const updated = await updateContractTerm(db, actor, created.termId, {
      ...base,
      prices: { input: "1", output: "8" },
      effectiveFrom: daysAgo(7).toISOString(),
    });
    expect(await runRepricing(db, updated.repricingRunId!)).toMatchObject({ scanned: 3, touched: 3 });
    expect(await effectiveTotal(db, ws.id, daysAgo(30), new Date(now + DAY))).toBe("3");

    const deleted = await deleteContractTerm(db, actor, created.termId);
    expect(await runRepricing(db, deleted.repricingRunId!)).toMatchObject({ touched: 3 });
    expect(await effectiveTotal(db, ws.id, daysAgo(30), new Date(now + DAY))).toBe("7.5");
    await expect(deleteContractTerm(db, actor, created.termId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a change that starts in the future re-prices nothing", async () => {
    const { ws, user } = await setup();
    const saved = await createContractTerm(
      db,
      { workspaceId: ws.id, actor: financeActor(user.id) },
      { kind: "discount", name: "next year", discountPercent: "5", effectiveFrom: new Date(now + 30 * DAY).toISOString() },
    );
    expect(saved.repricingRunId).toBeNull();
  });

  it("rejects invalid terms with a 4xx code and writes nothing", async () => {
    const { ws, user } = await setup();
    const actor = { workspaceId: ws.id, actor: financeActor(user.id) };
    await expect(
      createContractTerm(db, actor, { kind: "discount", name: "x", discountPercent: "120", effectiveFrom: daysAgo(1).toISOString() }),
    ).rejects.toMatchObject({ code: "invalid_body" });
    await expect(
      createContractTerm(db, actor, {
        kind: "discount",
        name: "x",
        discountPercent: "10",
        effectiveFrom: daysAgo(1).toISOString(),
        effectiveTo: daysAgo(2).toISOString(),
      }),
    ).rejects.toMatchObject({ code: "invalid_body" });
    expect(await db.prisma.contractTerm.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db.prisma.repricingRun.count({ where: { workspaceId: ws.id } })).toBe(0);
  });
});

describe("commitments", () => {
  it("allocate the monthly amount over the month's covered tokens, exactly", async () => {
    const { ws, user } = await setup();
    const d = new Date(now);
    const lastMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
    const thisMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    const at = (day: number) => new Date(lastMonth.getTime() + day * DAY + 3_600_000);
    await insertPricedEvents(db, ws.id, [
      { ts: at(2), provider: "on-prem", model: "llama-3.3-70b", usage: { inputTokens: 600, outputTokens: 400 } },
      { ts: at(20), provider: "on-prem", model: "qwen-72b", usage: { inputTokens: 2_000, outputTokens: 1_000 } },
      { ts: at(20), provider: "openai", model: "gpt-4o", usage: { inputTokens: 1_000_000, outputTokens: 0 } },
    ]);
    expect(await effectiveTotal(db, ws.id, lastMonth, thisMonth)).toBe("2.5"); // on-prem models are unknown to the catalog
    const saved = await createContractTerm(
      db,
      { workspaceId: ws.id, actor: financeActor(user.id) },
      {
        kind: "commitment",
        name: "GPU pool",
        provider: "on-prem",
        monthlyAmountUsd: "1000",
        effectiveFrom: lastMonth.toISOString(),
        effectiveTo: thisMonth.toISOString(),
      },
    );
    await runRepricing(db, saved.repricingRunId!);
    const rows = await db.sql.query<{ model: string; e: string; priced: boolean }>(
      `SELECT model, effective_cost_usd::text AS e, priced FROM usage_events WHERE workspace_id = $1 ORDER BY model`,
      [ws.id],
    );
    expect(rows.map((r) => [r.model, Number(r.e), r.priced])).toEqual([
      ["gpt-4o", 2.5, true],
      ["llama-3.3-70b", 250, true],
      ["qwen-72b", 750, true],
    ]);
    expect(await effectiveTotal(db, ws.id, lastMonth, thisMonth)).toBe("1002.5");
  });
});

describe("who may change contracts (assertCan where the write happens)", () => {
  it("a role or key without pricing:manage is refused by the domain itself, and nothing is written", async () => {
    const { ws, user } = await setup();
    const term = { kind: "discount" as const, name: "x", discountPercent: "5", effectiveFrom: daysAgo(2).toISOString() };
    const window = { reason: "manual", change: {}, windowFrom: daysAgo(2), windowTo: daysAgo(1) };
    const refused: Actor[] = [
      { kind: "user", userId: user.id, role: "engineer" },
      { kind: "user", userId: user.id, role: "viewer" },
      { kind: "key", keyId: 1, scopes: ["ingest", "read"] },
    ];
    for (const actor of refused) {
      const ctx = { workspaceId: ws.id, actor };
      await expect(createContractTerm(db, ctx, term)).rejects.toMatchObject({ code: "forbidden" });
      await expect(requestRepricing(db, ctx, window)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await db.prisma.contractTerm.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db.prisma.repricingRun.count({ where: { workspaceId: ws.id } })).toBe(0);

    const saved = await createContractTerm(db, { workspaceId: ws.id, actor: financeActor(user.id) }, term);
    for (const actor of refused) {
      const ctx = { workspaceId: ws.id, actor };
      await expect(updateContractTerm(db, ctx, saved.termId, { ...term, name: "y" })).rejects.toMatchObject({ code: "forbidden" });
      await expect(deleteContractTerm(db, ctx, saved.termId)).rejects.toMatchObject({ code: "forbidden" });
    }
    const row = await db.prisma.contractTerm.findUniqueOrThrow({ where: { id: saved.termId } });
    expect([row.name, row.createdById, row.createdByKeyId]).toEqual(["x", user.id, null]);
  });
});
