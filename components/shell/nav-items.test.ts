import { describe, expect, it } from "vitest";
import { FILTER_URL_KEYS } from "@/lib/dashboards/dashboard-filters";
import { hrefWithView, isActive, NAV_ITEMS, SHARED_VIEW_PARAMS } from "./nav-items";

const item = (label: string) => NAV_ITEMS.find((i) => i.label === label)!;

describe("navigation", () => {
  it("lists the eight sections in order", () => {
    expect(NAV_ITEMS.map((i) => i.label)).toEqual([
      "Overview",
      "Spend",
      "Reliability",
      "Tenants",
      "Features",
      "Vendors",
      "Alerts",
      "Settings",
    ]);
  });

  it("marks a section active on its own page and below it only", () => {
    expect(isActive("/settings/api-keys", "/settings")).toBe(true);
    expect(isActive("/spend", "/spend")).toBe(true);
    expect(isActive("/spending", "/spend")).toBe(false);
    expect(isActive("/overview", "/spend")).toBe(false);
  });

  it("carries the date range between dashboards but not into settings", () => {
    const current = new URLSearchParams("range=custom&from=2026-11-01&to=2026-11-03&tab=x");
    expect(hrefWithView(item("Spend"), current)).toBe("/spend?range=custom&from=2026-11-01&to=2026-11-03");
    expect(hrefWithView(item("Settings"), current)).toBe("/settings");
    expect(hrefWithView(item("Alerts"), current)).toBe("/alerts");
    expect(hrefWithView(item("Vendors"), new URLSearchParams())).toBe("/vendors");
  });

  it("carries the global filters between dashboards too", () => {
    const current = new URLSearchParams("range=7d&provider=openai,anthropic&workload=batch&sort=cost");
    expect(hrefWithView(item("Tenants"), current)).toBe("/tenants?range=7d&provider=openai%2Canthropic&workload=batch");
    expect(hrefWithView(item("Settings"), current)).toBe("/settings");
    for (const key of FILTER_URL_KEYS) expect(SHARED_VIEW_PARAMS).toContain(key);
  });
});
