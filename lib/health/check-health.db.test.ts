import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { openTestDatabase } from "@/prisma/seed/test-db";
import { checkHealth } from "./check-health";

let db: Database;
let silent: net.Server;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  db = await openTestDatabase();
  // A TCP server that accepts and never answers: what a black-holed database looks like to a client.
  silent = net.createServer((s) => {
    sockets.add(s);
    s.on("error", () => undefined);
  });
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
});

afterAll(async () => {
  await db?.close();
  for (const s of sockets) s.destroy();
  await new Promise((r) => silent.close(r));
});

describe("checkHealth", () => {
  it("is ok with a reachable database and reports its kind and latency", async () => {
    const h = await checkHealth(async () => db, db.config.kind);
    expect(h.status).toBe("ok");
    expect(h.database.reachable).toBe(true);
    expect(h.database.kind).toBe(db.config.kind);
    expect(h.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(h.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("is degraded when the database refuses connections, without leaking the URL or password", async () => {
    const url = "postgresql://admin:hunter2-secret@127.0.0.1:1/nowhere";
    const h = await checkHealth(() => openDatabase({ kind: "postgres", url }, "health test"), "postgres");
    expect(h).toMatchObject({ status: "degraded", database: { reachable: false, kind: "postgres", latencyMs: null } });
    expect(JSON.stringify(h)).not.toMatch(/hunter2|admin|nowhere|127\.0\.0\.1/);
  });

  it("gives up on a database that never answers", async () => {
    const { port } = silent.address() as net.AddressInfo;
    const started = Date.now();
    const h = await checkHealth(
      () => openDatabase({ kind: "postgres", url: `postgresql://x@127.0.0.1:${port}/db` }, "health test"),
      "postgres",
      300,
    );
    expect(h.status).toBe("degraded");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
