import net from "node:net";
import type { AddressInfo } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import type { Database } from "@/lib/db/open-database";
import { createPgPool, pgSql } from "@/lib/db/sql-pg";
import { useDatabaseForRoutes } from "@/lib/ingest/testing/serve-route-handlers";
import { authOptions } from "./auth-options";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

/** A TCP port nothing listens on: connecting to it is refused, as a database that is down refuses. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let db: Database;
beforeAll(async () => {
  // Real clients (pg pool and Prisma over adapter-pg) aimed at a database that refuses connections.
  const url = `postgresql://postgres@127.0.0.1:${await closedPort()}/unitscope`;
  const sql = pgSql(createPgPool(url));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) });
  db = {
    prisma,
    sql,
    config: { kind: "postgres", url },
    migrations: { applied: [], alreadyApplied: 0 },
    close: async () => {
      await prisma.$disconnect().catch(() => undefined);
      await sql.close().catch(() => undefined);
    },
  };
  useDatabaseForRoutes(db);
});
afterAll(async () => db.close());

describe("sign-in during a database outage", () => {
  it("reports the service unavailable instead of a wrong password", async () => {
    const outcome = await authorize(
      { email: "someone@example.com", password: "a fine password" },
      { headers: { "x-forwarded-for": "10.9.8.7" } },
    ).then(
      (user) => (user ? "ok" : "refused"),
      (err: unknown) => (err instanceof Error ? err.message : String(err)),
    );
    // next-auth passes the thrown message to the sign-in page as `?error=`; the page maps this code.
    expect(outcome).toBe("ServiceUnavailable");
  });
});
