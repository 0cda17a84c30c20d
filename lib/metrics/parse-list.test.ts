import { describe, expect, it } from "vitest";
import { parseList } from "./compute-percentiles";

describe("parseList", () => {
  it("reads Postgres' comma-separated integers, negatives and large counts included", () => {
    expect([...parseList("12,13,-1,0,9007199254740")]).toEqual([12, 13, -1, 0, 9007199254740]);
    expect([...parseList("7")]).toEqual([7]);
  });
});
