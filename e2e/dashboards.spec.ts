import fs from "node:fs";
import Decimal from "decimal.js";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { formatValue, MEASURE_DISPLAY, type MeasureName } from "../lib/dashboards/measure-display";
import { DEMO, signIn, VIEWER, watchConsole } from "./helpers";

// The demo workspace is seeded over the 30 days before the app's first start. A 7-day view has data in
// both periods it compares (this week and the one before), which the regression finder needs.
const RANGE = "range=7d";

const PAGES = [
  { path: "/overview", heading: "Overview", charts: 1, tables: ["table-top-movers"] },
  { path: "/spend", heading: "Spend", charts: 3, tables: ["table-cost-per-model", "table-feature-tenant"] },
  { path: "/reliability", heading: "Reliability", charts: 6, tables: ["table-regressions", "table-error-types"] },
  { path: "/tenants", heading: "Tenants", charts: 2, tables: ["table-tenant-ranking"] },
  { path: "/features", heading: "Features", charts: 2, tables: ["table-feature-ranking"] },
  { path: "/vendors", heading: "Vendors", charts: 2, tables: ["table-vendor-matrix"] },
] as const;

async function snap(page: Page, info: TestInfo, name: string) {
  const file = info.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await info.attach(name, { path: file, contentType: "image/png" });
}

/** Waits for the streamed cards and the client charts, then checks the page holds real demo data. */
async function expectDashboard(page: Page, charts: number, tables: readonly string[]) {
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  expect(await page.locator("svg.recharts-surface").count()).toBeGreaterThanOrEqual(charts);
  for (const t of tables) await expect(page.getByTestId(t).locator("tbody tr").first()).toBeVisible();
  await expect(page.getByText("This card could not be loaded")).toHaveCount(0);
  // Tenants of the second workspace are named globex-…: they must never appear in the demo's pages.
  await expect(page.locator("body")).not.toContainText(/globex-[a-z]/);
}

function utcDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test.describe("dashboards", () => {
  test("every page renders charts and tables of the demo data without console errors", async ({ page }, info) => {
    test.setTimeout(180_000);
    const errors = watchConsole(page);
    await signIn(page, DEMO);
    for (const p of PAGES) {
      await page.goto(`${p.path}?${RANGE}`);
      await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
      await expectDashboard(page, p.charts, p.tables);
      await snap(page, info, p.heading.toLowerCase());
    }
    // Drill-downs: the top tenant and feature open their own charts.
    for (const [list, testId] of [
      ["/tenants", "table-tenant-ranking"],
      ["/features", "table-feature-ranking"],
    ] as const) {
      await page.goto(`${list}?${RANGE}`);
      const link = page.getByTestId(testId).locator("tbody tr a").first();
      const name = (await link.textContent())?.trim() ?? "";
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${list}/[^?]+\\?`));
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      await expectDashboard(page, 3, ["table-drilldown-breakdown"]);
      await snap(page, info, `${list.slice(1)}-drilldown`);
    }
    expect(errors).toEqual([]);
  });

  test("filters live in the URL: reload restores them, back restores the previous view", async ({ page }) => {
    await signIn(page, DEMO);
    // Whole past days: a rolling "7d" window moves while the test runs, and its totals with it.
    const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/spend?range=custom&from=${day(8)}&to=${day(1)}`);
    const spend = page.getByTestId("kpi-spend-value");
    await expect(spend).toBeVisible();
    const unfiltered = await spend.getAttribute("data-value");

    await page.getByRole("button", { name: /^Provider:/ }).click();
    await page.getByRole("checkbox", { name: "openai" }).check();
    await expect(page).toHaveURL(/[?&]provider=openai(&|$)/);
    const chip = page.getByRole("button", { name: "Remove filter Provider: openai" });
    await expect(chip).toBeVisible();
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    await expect(spend).not.toHaveAttribute("data-value", unfiltered ?? "");
    const openaiOnly = await spend.getAttribute("data-value");

    await page.reload();
    await expect(chip).toBeVisible();
    await expect(spend).toHaveAttribute("data-value", openaiOnly ?? "");

    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /^Workload class:/ }).click();
    await page.getByRole("checkbox", { name: "interactive" }).check();
    await expect(page).toHaveURL(/workload=interactive/);
    await expect(page.getByRole("button", { name: "Remove filter Workload class: interactive" })).toBeVisible();

    await page.goBack();
    await expect(page).not.toHaveURL(/workload=/);
    await expect(page).toHaveURL(/provider=openai/);
    await expect(page.getByRole("button", { name: "Remove filter Workload class: interactive" })).toHaveCount(0);
    await expect(spend).toHaveAttribute("data-value", openaiOnly ?? "");

    await page.goBack();
    await expect(page).not.toHaveURL(/provider=/);
    await expect(chip).toHaveCount(0);
    await expect(spend).toHaveAttribute("data-value", unfiltered ?? "");
  });

  test("each chart has a table view, reachable and operable by keyboard", async ({ page }) => {
    await signIn(page, DEMO);
    await page.goto(`/spend?${RANGE}`);
    const toggle = page.getByRole("button", { name: /^Show table for Spend over time/ });
    await toggle.focus();
    await page.keyboard.press("Enter");
    const table = page.getByRole("table", { name: /^Spend over time by provider/ });
    await expect(table).toBeVisible();
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(24);
    await expect(table.locator("tfoot")).toContainText("Total");
    await expect(page.getByRole("button", { name: /^Show chart for Spend over time/ })).toHaveAttribute("aria-pressed", "true");
  });

  test("Overview shows exactly the metrics API's numbers for the same range and filters", async ({ page }) => {
    await signIn(page, DEMO);
    const from = utcDay(-7);
    const to = utcDay(-1);
    const window = { from: `${from}T00:00:00.000Z`, to: `${utcDay(0)}T00:00:00.000Z` };
    const kpis: Record<string, MeasureName> = {
      spend: "cost_usd",
      "cost-per-task": "cost_per_successful_task_usd",
      "success-rate": "task_success_rate",
      "latency-p95": "latency_p95_ms",
      "ttft-p95": "ttft_p95_ms",
    };
    for (const filter of [null, { key: "provider", value: "anthropic" }] as const) {
      const qs = `range=custom&from=${from}&to=${to}${filter ? `&${filter.key}=${filter.value}` : ""}`;
      await page.goto(`/overview?${qs}`);
      await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 30_000 });
      const res = await page.request.post("/api/v1/metrics/query", {
        data: { ...window, measures: Object.values(kpis), ...(filter ? { filters: { [filter.key]: [filter.value] } } : {}) },
      });
      expect(res.status()).toBe(200);
      const row = (await res.json()).rows[0] as Record<string, string | number | null>;
      for (const [id, measure] of Object.entries(kpis)) {
        const el = page.getByTestId(`kpi-${id}-value`);
        const api = row[measure] ?? null;
        await expect(el, `${id} (${measure}) with ${filter ? `${filter.key}=${filter.value}` : "no filter"}`).toHaveAttribute(
          "data-value",
          api === null ? "" : String(api),
        );
        await expect(el).toHaveText(formatValue(MEASURE_DISPLAY[measure].format, api));
      }
    }
  });

  test("the Spend table's CSV export adds up to the page's totals", async ({ page }) => {
    await signIn(page, DEMO);
    await page.goto(`/spend?${RANGE}`);
    const card = page.getByTestId("card-feature-tenant");
    await expect(card.locator("tbody tr").first()).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: /Export CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^unitscope-spend-by-feature-and-tenant-.*\.csv$/);
    const csv = fs
      .readFileSync((await download.path())!, "utf8")
      .trimEnd()
      .split("\r\n");
    const header = csv[0]!.split(",");
    const col = header.indexOf("Spend (USD)");
    expect(col).toBeGreaterThan(-1);
    const body = csv.slice(1, -1);
    const totalLine = csv[csv.length - 1]!;
    expect(totalLine.startsWith("Total,")).toBe(true);
    // Feature and tenant names of the demo contain no commas, so a plain split finds the column.
    const sum = body.reduce((s, line) => s.plus(line.split(",")[col] ?? "0"), new Decimal(0));
    const tableTotal = await page.getByTestId("table-feature-tenant-total-cost_usd").getAttribute("data-exact");
    const pageSpend = await page.getByTestId("kpi-spend-value").getAttribute("data-value");
    expect(sum.toFixed()).toBe(new Decimal(tableTotal!).toFixed());
    expect(sum.eq(new Decimal(pageSpend!))).toBe(true);
    expect(new Decimal(totalLine.split(",")[col]!).eq(sum)).toBe(true);
    // The CSV holds every row of the table, not just the ones shown before "Show all".
    await expect(card.getByText(`${body.length} rows`, { exact: true })).toBeVisible();
  });

  test("a viewer sees the dashboards but not Settings → API keys", async ({ page }, info) => {
    const errors = watchConsole(page);
    await signIn(page, VIEWER);
    for (const p of PAGES) {
      await page.goto(`${p.path}?${RANGE}`);
      await expectDashboard(page, p.charts, p.tables);
    }
    await snap(page, info, "viewer-vendors");
    await page.goto("/settings");
    await expect(page.getByRole("link", { name: /api keys/i })).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test("another workspace's data is never shown or served", async ({ page }) => {
    await signIn(page, DEMO);
    const window = { from: `${utcDay(-30)}T00:00:00.000Z`, to: `${utcDay(1)}T00:00:00.000Z` };
    const own = await page.request.post("/api/v1/metrics/query", { data: { ...window, measures: ["requests"], dimensions: ["tenant"] } });
    expect(own.status()).toBe(200);
    const tenants = ((await own.json()).rows as { tenant: string | null }[]).map((r) => r.tenant ?? "");
    expect(tenants.length).toBeGreaterThan(0);
    expect(tenants.filter((t) => t.startsWith("globex-"))).toEqual([]);
    const other = await page.request.post("/api/v1/metrics/query", {
      headers: { "x-unitscope-workspace": "other" },
      data: { ...window, measures: ["requests"] },
    });
    expect(other.status()).toBe(403);
    // A crafted drill-down link to the other workspace's tenant shows nothing of it.
    await page.goto(`/tenants/globex-${encodeURIComponent(tenants.find((t) => t) ?? "x")}?${RANGE}`);
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 30_000 });
    for (const id of ["requests", "spend"]) {
      const v = await page.getByTestId(`kpi-${id}-value`).getAttribute("data-value");
      expect(new Decimal(v || "0").isZero(), `${id} of a tenant that is not in this workspace`).toBe(true);
    }
    await page.goto(`/tenants?${RANGE}`);
    await expect(page.getByTestId("table-tenant-ranking").locator("tbody tr").first()).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/globex-[a-z]/);
  });
});
