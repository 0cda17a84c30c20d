import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { DEMO, signIn, watchConsole } from "./helpers";

// The seeded analyst belongs to both demo workspaces (prisma/seed/seed-demo.ts): "demo" (first by slug,
// where sign-in lands) and "other". Each workspace gets models and tenants of its own below, in a
// day-aligned custom range before the seeded 30 days, so both workspaces ask exactly the same queries there:
// only the workspace tells their answers apart.
const ANALYST = { email: "analyst@unitscope.dev", password: DEMO.password };
const OTHER_OWNER = { email: "other@unitscope.dev", password: DEMO.password };
const SIDES = {
  demo: { owner: DEMO, models: ["e2e-acme-model-a", "e2e-acme-model-b"], tenants: ["acme-e2e-tenant-a", "acme-e2e-tenant-b"] },
  other: {
    owner: OTHER_OWNER,
    models: ["e2e-globex-model-a", "e2e-globex-model-b"],
    tenants: ["globex-e2e-tenant-a", "globex-e2e-tenant-b"],
  },
} as const;
type Side = keyof typeof SIDES;

const DAY_MS = 86_400_000;
const utcDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
const FROM = utcDay(-45);
const TO = utcDay(-44);
const VIEW = `/reliability?range=custom&from=${FROM}&to=${TO}`;

/** The owner's session creates an ingest key; the events go in over the public API, as a client would send them. */
async function seedSide(browser: Browser, side: Side) {
  const { owner, models, tenants } = SIDES[side];
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, owner);
    const created = await page.request.post("/api/v1/keys", { data: { name: "e2e workspace switch", scopes: ["ingest"] } });
    expect(created.status()).toBe(201);
    const { secret } = (await created.json()) as { secret: string };
    // Same ids for the same day: a rerun on a kept database stores duplicates, not more traffic.
    const events = Array.from({ length: 40 }, (_, i) => ({
      id: `e2e-switch-${side}-${FROM}-${i}`,
      timestamp: new Date(Date.parse(`${FROM}T00:00:00Z`) + i * 3_600_000 + 60_000).toISOString(), // hourly over the two days
      provider: "openai",
      model: models[i % 2],
      tenant: tenants[Math.floor(i / 2) % 2],
      feature: "e2e-switch",
      route: "/e2e/switch",
      status: "ok",
      usageFormat: "openai.chat",
      usage: { prompt_tokens: 100, completion_tokens: 20 },
      latencyMs: side === "demo" ? 400 + i : 2_000 + i,
      ttftMs: 100,
    }));
    const ingested = await page.request.post("/api/v1/events", { headers: { authorization: `Bearer ${secret}` }, data: { events } });
    expect(ingested.status()).toBe(200);
    expect((await ingested.json()).rejected).toEqual([]);
  } finally {
    await context.close();
  }
}

/** The Tenant filter's pick list (fetched by the browser when it opens), closed again after reading. */
async function tenantOptions(page: Page): Promise<string[]> {
  const button = page.getByRole("button", { name: /^Tenant: / });
  await button.click();
  const panel = page.getByRole("group", { name: "Tenant" });
  await expect(panel.getByRole("checkbox").first()).toBeVisible();
  const labels = await panel.locator("label").allTextContents();
  await button.click();
  await expect(panel).toHaveCount(0);
  return labels.map((l) => l.trim());
}

// Soft: a failing run reports every stale card and list, not only the first.
async function expectOnly(where: Locator, side: Side) {
  const other: Side = side === "demo" ? "other" : "demo";
  for (const model of SIDES[side].models) await expect.soft(where).toContainText(model);
  for (const model of SIDES[other].models) await expect.soft(where).not.toContainText(model);
}

async function settled(page: Page) {
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 30_000 });
}

test("switching workspace with a custom range shows only the new workspace's charts and filter values", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await seedSide(browser, "demo");
  await seedSide(browser, "other");

  await signIn(page, ANALYST);
  await page.goto(VIEW);
  const switcher = page.getByTestId("workspace-switcher");
  await expect(switcher).toHaveValue("demo");
  const byModel = page.getByTestId("card-percentile-by-model");
  await settled(page);
  await expectOnly(byModel, "demo");
  // Opening the filter caches its options in the browser: the stale copy a switch must not show.
  expect((await tenantOptions(page)).sort()).toEqual([...SIDES.demo.tenants]);

  for (const to of ["other", "demo"] as const) {
    await switcher.selectOption(to);
    await expect(switcher).toBeEnabled();
    await expect(switcher).toHaveValue(to);
    // The server-rendered model picker of the latency card names the new workspace's models once it re-rendered.
    await expect(page.getByTestId("card-latency-percentiles").locator("option", { hasText: SIDES[to].models[0] })).toHaveCount(1);
    await settled(page);
    await expectOnly(byModel, to);
    expect.soft((await tenantOptions(page)).sort(), `tenant filter after switching to ${to}`).toEqual([...SIDES[to].tenants]);
    await expect.soft(page.locator("main")).not.toContainText(to === "demo" ? /globex-e2e|e2e-globex/ : /acme-e2e|e2e-acme/);
  }
  expect(errors).toEqual([]);
});

test("a workspace cookie naming a workspace the user left resolves the same on pages and APIs", async ({ page, context, baseURL }) => {
  const errors = watchConsole(page);
  // The demo owner is no member of "other": a cookie naming it is what a removed member keeps.
  await signIn(page, DEMO);
  await context.addCookies([{ name: "unitscope_workspace", value: "other", url: baseURL! }]);
  await page.goto("/reliability?range=7d");
  // The page falls back to the user's own workspace…
  await expect(page.getByTestId("current-workspace")).toHaveText("Acme AI (demo)");
  await settled(page);
  await expect(page.getByText("This card could not be loaded")).toHaveCount(0);
  // …and the cards' API, asked with the same cookie only, answers for that same workspace instead of 403.
  const window = { from: `${utcDay(-7)}T00:00:00.000Z`, to: `${utcDay(1)}T00:00:00.000Z` };
  const withCookie = await page.request.post("/api/v1/metrics/query", {
    data: { ...window, measures: ["requests"], dimensions: ["tenant"] },
  });
  expect(withCookie.status()).toBe(200);
  const tenants = ((await withCookie.json()).rows as { tenant: string | null }[]).map((r) => r.tenant ?? "");
  expect(tenants.length).toBeGreaterThan(0);
  expect(tenants.filter((t) => t.startsWith("globex-"))).toEqual([]);
  const keys = await page.request.get("/api/v1/keys");
  expect(keys.status()).toBe(200);
  // Naming the workspace explicitly is still refused: only the remembered choice falls back.
  const explicit = await page.request.post("/api/v1/metrics/query", {
    headers: { "x-unitscope-workspace": "other" },
    data: { ...window, measures: ["requests"] },
  });
  expect(explicit.status()).toBe(403);
  expect(errors).toEqual([]);
});
