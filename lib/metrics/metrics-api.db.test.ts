import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/metrics/query/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Database } from "@/lib/db/open-database";
import { useDatabaseForRoutes } from "@/lib/ingest/testing/serve-route-handlers";
import { refreshRollups } from "@/lib/rollups/refresh-rollups";
import { openTestDatabase } from "@/prisma/seed/test-db";
import { metricsQuerySchema } from "./query-schema";
import { exactFromRaw } from "./testing/exact-from-raw";
import { seedMetricsWorkspace } from "./testing/seed-metrics-workspace";

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

let db: Database;
let a: { id: number; key: string };
let b: { id: number; key: string };
let ingestOnly: string;

beforeAll(async () => {
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  const wa = await seedMetricsWorkspace(db, { now: NOW, days: 3, events: 600, seed: "api-a" });
  // Workspace B: other traffic, tenants renamed so a leak would be visible.
  const wb = await seedMetricsWorkspace(db, { now: NOW, days: 3, events: 900, seed: "api-b", tenantPrefix: "globex-" });
  await refreshRollups(db.sql, wa.workspaceId, { coarseDelayMs: 0 });
  // B is left un-refreshed: its dirty marks must not change what A sees either.
  a = { id: wa.workspaceId, key: (await createApiKey(db.prisma, { workspaceId: wa.workspaceId, name: "read", scopes: ["read"] })).secret };
  b = { id: wb.workspaceId, key: (await createApiKey(db.prisma, { workspaceId: wb.workspaceId, name: "read", scopes: ["read"] })).secret };
  ingestOnly = (await createApiKey(db.prisma, { workspaceId: wa.workspaceId, name: "ingest", scopes: ["ingest"] })).secret;
});
afterAll(async () => {
  await db?.close();
});

function query(body: unknown, key: string = a.key, contentType = "application/json") {
  return POST(
    new Request("http://localhost/api/v1/metrics/query", {
      method: "POST",
      headers: { "content-type": contentType, authorization: `Bearer ${key}` },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

const valid = () => ({ from: iso(NOW.getTime() - 2 * DAY), to: iso(NOW.getTime()), measures: ["requests", "cost_usd", "latency_p95_ms"] });

async function expect400(body: unknown, message: RegExp) {
  const r = await query(body);
  const json = (await r.json()) as { error: { code: string; message: string } };
  expect(r.status).toBe(400);
  expect(json.error.code).toBe("invalid_body");
  expect(json.error.message).toMatch(message);
}

describe("POST /api/v1/metrics/query", () => {
  // (Without a key the route asks Next for the session cookie, which needs a real request scope: e2e tier.)
  it("needs a key with the read scope", async () => {
    expect((await query(valid(), ingestOnly)).status).toBe(403);
    expect((await query(valid(), "usk_notakeynotakeynotakeynotakey")).status).toBe(401);
    expect((await query(valid(), a.key, "text/plain")).status).toBe(415);
  });

  it("rejects unknown measures and dimensions, bad or over-long ranges, with a clear message", async () => {
    await expect400({ ...valid(), measures: ["requests", "p95"] }, /unknown measure 'p95'.*valid measures: 'requests'/);
    await expect400({ ...valid(), dimensions: ["customer"] }, /unknown dimension 'customer'.*'tenant'/);
    await expect400({ ...valid(), dimensions: ["workloadClass"] }, /unknown dimension 'workloadClass'.*'workload_class'/);
    await expect400({ ...valid(), measures: [] }, /at least one measure/);
    await expect400({ from: valid().from, measures: ["requests"] }, /^to: /);
    await expect400({ ...valid(), to: "yesterday" }, /to: must be an RFC 3339 date-time/);
    await expect400({ ...valid(), from: valid().to, to: valid().from }, /to: must be after 'from'/);
    await expect400({ ...valid(), from: iso(NOW.getTime() - 93 * DAY), granularity: "hour" }, /longer than 92 days.*'hour'/);
    await expect400({ ...valid(), from: iso(NOW.getTime() - 3 * DAY), granularity: "minute" }, /longer than 2 days/);
    await expect400({ ...valid(), from: iso(NOW.getTime() - 800 * DAY) }, /longer than 732 days, the maximum without a granularity/);
    await expect400({ ...valid(), granularity: "quarter" }, /granularity: must be one of/);
    await expect400({ ...valid(), filters: { customer: ["x"] } }, /unknown filter; valid filters: .*'workloadClass'/);
    await expect400({ ...valid(), filters: { tenant: [] } }, /at least one value/);
    await expect400({ ...valid(), timezone: "Mars/Olympus" }, /unknown time zone 'Mars\/Olympus'/);
    await expect400(
      { ...valid(), granularity: "day", orderBy: [{ field: "latency_p95_ms" }] },
      /order by a percentile without a granularity/,
    );
    await expect400({ ...valid(), orderBy: [{ field: "tenant" }] }, /'tenant' is not a requested measure or dimension/);
    await expect400({ ...valid(), limit: 0 }, /limit/);
    await expect400({ ...valid(), extra: 1 }, /extra/);
    await expect400("{not json", /not valid JSON/);
    // Tenant × status per hour only exists as raw events past the 8 days of hour rows kept for that cube.
    await expect400(
      { ...valid(), from: iso(NOW.getTime() - 30 * DAY), granularity: "hour", dimensions: ["tenant", "status"] },
      /needs raw events over 2\d\.\d days.*at most 7 days/,
    );
  });

  it("answers with rows and meta; money as decimal strings; empty buckets 0 or null", async () => {
    const r = await query({
      ...valid(),
      granularity: "hour",
      dimensions: ["provider"],
      measures: ["requests", "cost_usd", "error_rate", "latency_p95_ms"],
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { rows: Record<string, unknown>[]; meta: Record<string, unknown> };
    expect(body.meta).toMatchObject({ source: "rollup:pm", granularity: "hour", timezone: "UTC", truncated: false });
    expect(body.rows.length).toBe((body.meta.buckets as number) * (body.meta.seriesCount as number));
    for (const row of body.rows) {
      expect(typeof row.bucket).toBe("string");
      expect(row.cost_usd).toMatch(/^\d+\.\d{10}$/);
      if (row.requests === 0) expect(row).toMatchObject({ cost_usd: "0.0000000000", error_rate: null, latency_p95_ms: null });
    }
  });

  it("never reads another workspace", async () => {
    const body = {
      from: iso(NOW.getTime() - 4 * DAY),
      to: iso(NOW.getTime() + 60_000),
      dimensions: ["tenant"],
      measures: ["requests", "cost_usd"],
    };
    const fromA = (await (await query(body, a.key)).json()) as { rows: { tenant: string | null; requests: number }[] };
    const fromB = (await (await query(body, b.key)).json()) as { rows: { tenant: string | null; requests: number }[] };
    const exactA = await exactFromRaw(db.sql, a.id, metricsQuerySchema.parse(body));
    const exactB = await exactFromRaw(db.sql, b.id, metricsQuerySchema.parse(body));
    const sum = (rows: readonly { requests?: number | string | null }[]) => rows.reduce((s, r) => s + Number(r.requests ?? 0), 0);
    expect(sum(fromA.rows)).toBe(sum([...exactA.values()]));
    expect(sum(fromB.rows)).toBe(sum([...exactB.values()]));
    expect(sum(fromA.rows)).not.toBe(sum(fromB.rows));
    expect(fromA.rows.some((r) => r.tenant?.startsWith("globex-"))).toBe(false);
    expect(fromB.rows.filter((r) => r.tenant !== null).every((r) => r.tenant!.startsWith("globex-"))).toBe(true);
    // Asking A's key for B's tenant finds nothing.
    const probe = (await (await query({ ...body, filters: { tenant: [fromB.rows.find((r) => r.tenant)!.tenant] } }, a.key)).json()) as {
      rows: unknown[];
    };
    expect(probe.rows).toEqual([]);
  });
});
