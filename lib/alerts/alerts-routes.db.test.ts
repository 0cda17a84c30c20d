import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listAlertsRoute } from "@/app/api/v1/alerts/route";
import { GET as listChannelsRoute } from "@/app/api/v1/alert-channels/route";
import { GET as listMonitorsRoute, POST as createMonitorRoute } from "@/app/api/v1/monitors/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Database } from "@/lib/db/open-database";
import { useDatabaseForRoutes } from "@/lib/ingest/testing/serve-route-handlers";
import { createChannel } from "@/lib/notifications/channel-store";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { createMonitor } from "./monitor-store";

/** The routes are thin: reads for a read-scoped key, writes refused to keys (management needs a user). */
let db: Database;
let key: string;
let secret: string;
beforeAll(async () => {
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  const ws = await db.prisma.workspace.create({ data: { slug: uid("alerts-routes"), name: "routes" } });
  key = (await createApiKey(db.prisma, { workspaceId: ws.id, name: "read", scopes: ["read"] })).secret;
  const ch = await createChannel(db, ws.id, { name: "hook", type: "webhook", config: { url: "http://127.0.0.1:9/h" } });
  secret = ch.secrets.secret!;
  await createMonitor(db, ws.id, {
    name: "m",
    measure: "cost_usd",
    window: "1h",
    operator: "gt",
    alertThreshold: "12.5",
    channelIds: [ch.channel.id],
  });
});
afterAll(async () => {
  await db?.close();
});

const get = (url: string) => new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${key}` } });

describe("alerts routes", () => {
  it("serve reads to a read-scoped key, never a channel secret", async () => {
    const monitors = await listMonitorsRoute(get("/api/v1/monitors"));
    expect(monitors.status).toBe(200);
    expect((await monitors.json()).monitors).toEqual([
      expect.objectContaining({
        measure: "cost_usd",
        window: "1h",
        windowSeconds: 3600,
        alertThreshold: "12.5",
        noData: "keep",
        channelIds: [expect.any(Number)],
      }),
    ]);
    const channels = await listChannelsRoute(get("/api/v1/alert-channels"));
    const text = await channels.text();
    expect(channels.status).toBe(200);
    expect(text).not.toContain(secret);
    expect(JSON.parse(text).channels[0]).toMatchObject({ type: "webhook", secretKeys: ["secret"], lastDelivery: null });
    const alerts = await listAlertsRoute(get("/api/v1/alerts?state=all"));
    expect([alerts.status, await alerts.json()]).toEqual([200, { alerts: [] }]);
  });

  it("answers 400 for a bad query and 403 to a key that tries to write", async () => {
    const bad = await listAlertsRoute(get("/api/v1/alerts?state=burning"));
    expect(bad.status).toBe(400);
    const write = await createMonitorRoute(
      new Request("http://localhost/api/v1/monitors", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "x" }),
      }),
    );
    expect(write.status).toBe(403);
  });
});
