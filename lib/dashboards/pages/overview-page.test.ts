import { describe, expect, it } from "vitest";
import { prepareMovers } from "./overview-page";

describe("top movers table", () => {
  it("keeps the engine's exact amounts and turns its percent into a ratio", () => {
    const t = prepareMovers(
      [
        { key: "acme", currentUsd: "12.5000000000", previousUsd: "2.5000000000", changeUsd: "10.0000000000", changePct: 400 },
        { key: null, currentUsd: "0.0000000000", previousUsd: "3.0000000000", changeUsd: "-3.0000000000", changePct: -100 },
        { key: "new", currentUsd: "1.0000000000", previousUsd: "0.0000000000", changeUsd: "1.0000000000", changePct: null },
      ],
      "tenant",
    );
    expect(t.columns[0]).toMatchObject({ header: "Tenant", href: "/tenants" });
    expect(t.rows.map((r) => r.cells.change)).toEqual([4, -1, null]);
    expect(t.rows[0]?.cells.change_usd).toBe("10.0000000000");
    expect(t.rows[1]?.cells.tenant).toBeNull();
  });
});
