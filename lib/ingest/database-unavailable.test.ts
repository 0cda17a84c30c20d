import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { mapUnavailable } from "./database-unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises socket errors, server shutdown codes and wrapped causes", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error("query failed", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error(""), { code: "ECONNREFUSED" })]))).toBe(true);
  });

  it("does not mistake a bad statement for an outage", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('relation "x" does not exist'), { code: "42P01" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("violates check constraint"), { code: "23514" }))).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });

  it("turns an outage into 503 with Retry-After and lets other errors through", async () => {
    const outage = await mapUnavailable(() => Promise.reject(Object.assign(new Error("down"), { code: "ECONNREFUSED" }))).catch(
      (e: unknown) => e,
    );
    expect(outage).toBeInstanceOf(ApiError);
    expect((outage as ApiError).status).toBe(503);
    expect((outage as ApiError).headers?.["Retry-After"]).toBe("5");
    await expect(mapUnavailable(() => Promise.reject(new TypeError("bug")))).rejects.toBeInstanceOf(TypeError);
  });
});
