import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { compareCells, tableData } from "./table-spec";
import { csvFileName, toCsv } from "./to-csv";

const columns = [
  { id: "tenant", header: "Tenant", format: "text" as const },
  { id: "cost", header: "Spend", format: "usd" as const, total: "sum" as const },
  { id: "requests", header: "Requests", format: "count" as const, total: "sum" as const },
  { id: "rate", header: "Success", format: "percent" as const },
  { id: "p95", header: "p95", format: "duration" as const },
];

describe("toCsv", () => {
  it("keeps every digit of money and totals that equal the sum of the rows", () => {
    const rows = [
      { id: "a", cells: { tenant: "acme", cost: "0.1000000001", requests: 3, rate: 0.5, p95: 1234.5 } },
      { id: "b", cells: { tenant: "globex", cost: "0.2", requests: 4, rate: null, p95: null } },
    ];
    const table = tableData(columns, rows);
    expect(table.totals).toEqual({ cost: "0.3000000001", requests: "7" });
    const csv = toCsv(table);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Tenant,Spend (USD),Requests,Success,p95 (ms)");
    expect(lines[1]).toBe("acme,0.1000000001,3,0.5,1234.5");
    expect(lines[2]).toBe("globex,0.2,4,,");
    expect(lines[3]).toBe("Total,0.3000000001,7,,");
    const sum = lines.slice(1, -1).reduce((s, l) => s.plus(l.split(",")[1] ?? 0), new Decimal(0));
    expect(sum.toFixed()).toBe(table.totals.cost);
  });

  it("quotes separators and defuses spreadsheet formulas in client-sent names", () => {
    const table = tableData(columns, [
      { id: "x", cells: { tenant: 'a,"b"', cost: "1", requests: 1, rate: 1, p95: 1 } },
      { id: "y", cells: { tenant: "=HYPERLINK()", cost: "-1", requests: 1, rate: 1, p95: 1 } },
    ]);
    const lines = toCsv(table).split("\r\n");
    expect(lines[1]).toBe('"a,""b""",1,1,1,1');
    expect(lines[2]).toBe("'=HYPERLINK(),-1,1,1,1");
  });

  it("names files after the table and range", () => {
    expect(csvFileName("Spend by feature × tenant", "2026-11-01T00:00:00.000Z", "2026-11-08T00:00:00.000Z")).toBe(
      "unitscope-spend-by-feature-tenant-2026-11-01-to-2026-11-08.csv",
    );
  });
});

describe("compareCells", () => {
  it("orders decimal strings by value, not text, and empties last", () => {
    const cells = ["10", "9.5", null, "100.0000000001", "100"];
    const sorted = [...cells].sort((a, b) => compareCells(a, b, "usd"));
    expect(sorted).toEqual(["9.5", "10", "100", "100.0000000001", null]);
    expect(compareCells("b", "a", "text")).toBeGreaterThan(0);
  });
});

describe("filter options", () => {
  it("offers the values seen in the range, busiest first, never an empty value", async () => {
    const { prepareFilterOptions, filterOptionsRequest } = await import("./filter-options");
    const rows = [
      { workload_class: "batch", requests: 5 },
      { workload_class: null, requests: 100 },
      { workload_class: "interactive", requests: 50 },
      { workload_class: "opportunistic", requests: 5 },
    ];
    expect(prepareFilterOptions(rows, "workload")).toEqual(["interactive", "batch", "opportunistic"]);
    expect(filterOptionsRequest({ from: "2026-11-01T00:00:00.000Z", to: "2026-11-02T00:00:00.000Z" }, "workload")).toEqual({
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-11-02T00:00:00.000Z",
      measures: ["requests"],
      dimensions: ["workload_class"],
    });
  });
});
