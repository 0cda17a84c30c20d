import { describe, expect, it } from "vitest";
import { MAX_BACKOFF_SECONDS, retryDelaySeconds } from "./retry-policy";

describe("retryDelaySeconds", () => {
  it("doubles from the base per failed attempt", () => {
    expect([1, 2, 3, 4].map((a) => retryDelaySeconds(a, 5))).toEqual([5, 10, 20, 40]);
  });

  it("is capped, also for absurd attempt counts", () => {
    expect(retryDelaySeconds(12, 30)).toBe(MAX_BACKOFF_SECONDS);
    expect(retryDelaySeconds(10_000, 1)).toBe(MAX_BACKOFF_SECONDS);
  });

  it("is zero without a base and never negative", () => {
    expect(retryDelaySeconds(3, 0)).toBe(0);
    expect(retryDelaySeconds(0, 7)).toBe(7);
  });
});
