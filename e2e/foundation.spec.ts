import { expect, test } from "@playwright/test";
import { DEMO, signIn, VIEWER, watchConsole } from "./helpers";

const NAV = ["Overview", "Spend", "Reliability", "Tenants", "Features", "Vendors", "Settings"];

test("health reports a reachable database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe("ok");
  expect(body.database.reachable).toBe(true);
  expect(["postgres", "pglite"]).toContain(body.database.kind);
  expect(JSON.stringify(body)).not.toMatch(/postgresql:\/\//);
});

test("a signed-out visitor is sent to sign in", async ({ page }) => {
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/login/);
});

test("a shared link opened while signed out leads to its view after sign-in", async ({ page }) => {
  await page.goto("/spend?range=7d&provider=openai");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("dashboard-shell")).toBeVisible();
  await expect(page).toHaveURL(/\/spend\?range=7d&provider=openai$/);
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /incorrect email or password/i })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("the demo user signs in and walks the dashboard shell", async ({ page }, info) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO);
  const nav = page.getByRole("navigation", { name: /main/i });
  for (const name of NAV) await expect(nav.getByRole("link", { name })).toBeVisible();
  for (const name of NAV) {
    await nav.getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`/${name.toLowerCase()}`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.screenshot({ path: info.outputPath("shell.png"), fullPage: true });
  await info.attach("shell", { path: info.outputPath("shell.png"), contentType: "image/png" });
  expect(errors).toEqual([]);
});

test("the owner creates an API key, sees the secret once, and revokes it", async ({ page }) => {
  await signIn(page, DEMO);
  await page.goto("/settings/api-keys");
  const name = `e2e-${Date.now()}`;
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = page.getByTestId("new-key-secret");
  await expect(secret).toContainText("usk_");
  const value = (await secret.getByLabel("New API key secret").textContent())?.trim() ?? "";
  expect(value).toMatch(/^usk_[A-Za-z0-9_-]+$/);
  // The secret works as a bearer key (ingest scope by default) and is never shown again.
  const ingest = await page.request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${value}` },
    data: {
      events: [
        {
          id: `e2e-${Date.now()}`,
          timestamp: new Date().toISOString(),
          provider: "openai",
          model: "gpt-4o-mini",
          status: "ok",
          usage: { inputTokens: 10, outputTokens: 5 },
          latencyMs: 120,
        },
      ],
    },
  });
  expect(ingest.status()).toBe(200);
  expect((await ingest.json()).accepted).toBe(1);
  await page.reload();
  await expect(page.getByText(value)).toHaveCount(0);
  const row = page.getByTestId("api-key-row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByTestId("api-key-row").filter({ hasText: name })).toContainText(/revoked/i);
  const refused = await page.request.post("/api/v1/events", { headers: { authorization: `Bearer ${value}` }, data: { events: [] } });
  expect(refused.status()).toBe(401);
});

test("a viewer sees dashboards but neither API keys nor key management", async ({ page }) => {
  await signIn(page, VIEWER);
  await page.goto("/settings");
  await expect(page.getByRole("link", { name: /api keys/i })).toHaveCount(0);
  await page.goto("/settings/api-keys");
  // The page itself refuses on the server: the viewer is sent back to Overview, told why.
  await expect(page).toHaveURL(/\/overview\?error=forbidden/);
  await expect(page.getByRole("heading", { name: /api keys/i })).toHaveCount(0);
  await expect(page.getByTestId("new-key-secret")).toHaveCount(0);
  // Server-side: the JSON API refuses the viewer whatever the UI shows.
  const create = await page.request.post("/api/v1/keys", { data: { name: "nope", scopes: ["ingest"] } });
  expect(create.status()).toBe(403);
  expect((await create.json()).error.code).toBe("forbidden");
  const list = await page.request.get("/api/v1/keys");
  expect(list.status()).toBe(403);
});

test("a user never reads another workspace", async ({ page }) => {
  await signIn(page, DEMO);
  const own = await page.request.get("/api/v1/keys");
  expect(own.status()).toBe(200);
  const other = await page.request.get("/api/v1/keys", { headers: { "x-unitscope-workspace": "other" } });
  expect(other.status()).toBe(403);
  expect((await other.json()).error.code).toBe("forbidden");
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, DEMO);
  await page.getByRole("button", { name: /Account menu for/ }).click();
  await page
    .getByRole("menuitem", { name: "Sign out" })
    .or(page.getByRole("button", { name: "Sign out" }))
    .first()
    .click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/login/);
});
