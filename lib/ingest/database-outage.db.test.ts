import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { resolveDbConfig } from "@/lib/db/config";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { uid } from "@/prisma/seed/test-db";
import { sampleEvents } from "./sample-events";
import { serveRouteHandlers, useDatabaseForRoutes } from "./testing/serve-route-handlers";

/**
 * A database that goes away and comes back, with a TCP relay we control between the app and Postgres.
 * Only meaningful with a server database: PGlite lives inside the process and cannot become unreachable.
 */
class Relay {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(private target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const config = resolveDbConfig();
let relay: Relay;
let db: Database;
let server: Awaited<ReturnType<typeof serveRouteHandlers>>;
let key: string;

describe.runIf(config.kind === "postgres")("ingestion while the database is unreachable", () => {
  beforeAll(async () => {
    if (config.kind !== "postgres") return;
    const url = new URL(config.url);
    relay = new Relay({ host: url.hostname, port: Number(url.port || 5432) });
    await relay.start();
    url.hostname = "127.0.0.1";
    url.port = String(relay.port);
    db = await openDatabase({ kind: "postgres", url: url.toString() }, "outage test");
    useDatabaseForRoutes(db);
    const ws = await db.prisma.workspace.create({ data: { slug: uid("outage"), name: "outage" } });
    key = (await createApiKey(db.prisma, { workspaceId: ws.id, name: "ingest", scopes: ["ingest"] })).secret;
    server = await serveRouteHandlers({ "/api/v1/events": POST });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await relay?.stop();
  });

  const send = () =>
    fetch(`${server.url}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ events: sampleEvents(5) }),
    });

  it("answers 503 with Retry-After during the outage and serves again when it ends, without a restart", async () => {
    expect((await send()).status).toBe(200);
    await relay.stop();
    for (let i = 0; i < 3; i++) {
      const r = await send();
      expect(r.status).toBe(503);
      expect(r.headers.get("retry-after")).toBe("5");
      expect((await r.json()).error.code).toBe("unavailable");
    }
    await relay.start(); // same port: the pools reconnect by themselves
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await send()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
