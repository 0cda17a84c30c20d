import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { Prisma } from "@/lib/db/generated/client";
import { toApiError } from "@/lib/http/respond";

const pgError = (code: string, message: string, severity = "ERROR") => Object.assign(new Error(message), { name: "error", code, severity });

/**
 * What @prisma/adapter-pg 7.10 throws, as captured from PostgreSQL 15: the driver error is converted into
 * a DriverAdapterError whose `cause` carries the SQLSTATE (`kind: "postgres"`) or a connection kind, and
 * the client wraps that as P2039 (model queries) or P2010 (raw queries) with it in `meta.driverAdapterError`.
 */
function prismaWrapped(prismaCode: string, cause: Record<string, unknown>) {
  const driverAdapterError = Object.assign(new Error(String(cause.message ?? cause.kind)), { name: "DriverAdapterError", cause });
  return new Prisma.PrismaClientKnownRequestError(`Database error. Code: \`${String(cause.code ?? "N/A")}\``, {
    code: prismaCode,
    clientVersion: "7.10.1",
    meta: { modelName: "Workspace", driverAdapterError },
  });
}

describe("isDatabaseUnavailable", () => {
  it("recognises socket errors, server shutdown codes and wrapped causes", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(pgError("57P01", "terminating connection due to administrator command", "FATAL"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("query failed", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error(""), { code: "ECONNREFUSED" })]))).toBe(true);
  });

  it("recognises the SQLSTATE classes of an unavailable server: 08, 53, 57P0x and 55000 at connection time", () => {
    expect(isDatabaseUnavailable(pgError("08006", "connection failure"))).toBe(true);
    expect(isDatabaseUnavailable(pgError("08001", "could not connect"))).toBe(true);
    expect(isDatabaseUnavailable(pgError("53300", "sorry, too many clients already", "FATAL"))).toBe(true);
    expect(isDatabaseUnavailable(pgError("53100", "could not extend file: No space left on device"))).toBe(true);
    expect(isDatabaseUnavailable(pgError("57P03", "the database system is starting up", "FATAL"))).toBe(true);
    expect(isDatabaseUnavailable(pgError("57P04", "database dropped", "FATAL"))).toBe(true);
    expect(isDatabaseUnavailable(pgError("55000", 'database "x" is not currently accepting connections', "FATAL"))).toBe(true);
  });

  it("recognises Prisma's wrappers: P2039 / P2010 with the SQLSTATE in meta.driverAdapterError, and connection kinds", () => {
    const refusing = {
      kind: "postgres",
      code: "55000",
      originalCode: "55000",
      severity: "FATAL",
      message: 'database "x" is not currently accepting connections',
    };
    expect(isDatabaseUnavailable(prismaWrapped("P2039", refusing))).toBe(true);
    expect(isDatabaseUnavailable(prismaWrapped("P2010", refusing))).toBe(true);
    const terminated = {
      kind: "postgres",
      code: "57P01",
      originalCode: "57P01",
      severity: "FATAL",
      message: "terminating connection due to administrator command",
    };
    expect(isDatabaseUnavailable(prismaWrapped("P2039", terminated))).toBe(true);
    expect(isDatabaseUnavailable(prismaWrapped("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }))).toBe(true);
    expect(
      isDatabaseUnavailable(prismaWrapped("P2039", { kind: "TooManyConnections", originalCode: "53300", cause: "too many clients" })),
    ).toBe(true);
    expect(isDatabaseUnavailable(prismaWrapped("P2039", { kind: "ConnectionClosed" }))).toBe(true);
  });

  it("does not mistake a bad statement for an outage", () => {
    expect(isDatabaseUnavailable(pgError("42P01", 'relation "x" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(pgError("23514", "violates check constraint"))).toBe(false);
    expect(isDatabaseUnavailable(pgError("22021", 'invalid byte sequence for encoding "UTF8": 0x00'))).toBe(false);
    // 55000 is also "object not in prerequisite state" for statements (e.g. currval before nextval): a bug, not an outage.
    expect(isDatabaseUnavailable(pgError("55000", 'currval of sequence "s" is not yet defined in this session'))).toBe(false);
    expect(
      isDatabaseUnavailable(prismaWrapped("P2039", { kind: "postgres", code: "22008", originalCode: "22008", severity: "ERROR" })),
    ).toBe(false);
    expect(isDatabaseUnavailable(prismaWrapped("P2010", { kind: "TableDoesNotExist", originalCode: "42P01", table: "x" }))).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});

describe("toApiError", () => {
  it("answers an outage 503 with Retry-After and anything else unknown 500", () => {
    const outage = toApiError(
      prismaWrapped("P2039", { kind: "postgres", code: "55000", severity: "FATAL", message: "not currently accepting connections" }),
    );
    expect(outage.status).toBe(503);
    expect(outage.code).toBe("unavailable");
    expect(outage.headers?.["Retry-After"]).toBe("5");
    expect(toApiError(new TypeError("bug")).status).toBe(500);
  });
});
