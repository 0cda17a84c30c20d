// Temporary interaction walk-through (not part of the project).
import { chromium } from "playwright";
const base = "http://localhost:3102";
const out = "/tmp/us-ui/shots";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const errors = [];
async function session(email, opts = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...opts });
  const page = await ctx.newPage();
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(`${email} ${m.type()} ${page.url()}: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`${email} pageerror ${page.url()}: ${e.message}`));
  await page.goto(base + "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/overview/);
  return { ctx, page };
}
const check = (name, ok, extra = "") => console.log(`${ok ? "PASS" : "FAIL"} ${name} ${extra}`);

// wrong password
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(base + "/login");
  await page.getByLabel("Email").fill("owner@acme.test");
  await page.getByLabel("Password").fill("nope-nope");
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.getByText("Incorrect email or password");
  await alert.waitFor();
  check("wrong password message", await alert.isVisible());
  await ctx.close();
}

const { ctx, page } = await session("owner@acme.test");
// nav links by name
for (const n of ["Overview", "Spend", "Reliability", "Tenants", "Features", "Vendors", "Settings"]) check(`nav link ${n}`, (await page.getByRole("link", { name: n, exact: true }).count()) === 1);
check("overview aria-current", (await page.getByRole("link", { name: "Overview", exact: true }).getAttribute("aria-current")) === "page");
// date range
await page.getByRole("button", { name: "Last 30 days" }).click();
await page.waitForURL(/range=30d/);
await page.getByTestId("range-label").filter({ hasText: "Last 30 days" }).waitFor();
check("30d in URL and label", true, page.url());
await page.getByRole("button", { name: "Last 24 hours" }).click();
await page.waitForURL(/range=24h/);
await page.getByTestId("range-label").filter({ hasText: "Last 24 hours" }).waitFor();
await page.goBack();
await page.waitForURL(/range=30d/);
await page.getByTestId("range-label").filter({ hasText: "Last 30 days" }).waitFor();
check("back restores 30d", true, page.url());
await page.reload();
check("reload keeps 30d", (await page.getByRole("button", { name: "Last 30 days" }).getAttribute("aria-pressed")) === "true");
// nav keeps range
await page.getByRole("link", { name: "Spend", exact: true }).click();
await page.waitForURL(/\/spend\?range=30d/);
check("nav carries range", true, page.url());
// custom range
await page.getByRole("button", { name: "Custom range" }).click();
await page.getByLabel("Start date").fill("2026-11-01");
await page.getByLabel("End date").fill("2026-11-10");
await page.getByRole("button", { name: "Apply range" }).click();
await page.waitForURL(/range=custom/);
await page.getByTestId("range-label").filter({ hasText: "2026-11-01 – 2026-11-10 (UTC)" }).waitFor();
check("custom range", true, page.url());
await page.screenshot({ path: `${out}/flow-custom.png` });
// user menu
await page.getByRole("button", { name: /Account menu/ }).click();
check("user menu role", (await page.getByTestId("user-role").innerText()) === "owner");
await page.screenshot({ path: `${out}/flow-usermenu.png` });
await page.keyboard.press("Escape");
// workspace switch
await page.goto(base + "/overview");
await page.getByLabel("Workspace").selectOption("empty");
await page.getByTestId("first-event-panel").waitFor();
check("switched to empty workspace shows first-event panel", true);
check("otlp endpoint shown", (await page.getByTestId("otlp-endpoint").innerText()) === `${base}/api/otlp`);
await page.screenshot({ path: `${out}/flow-empty.png`, fullPage: true });
await page.goto(base + "/vendors");
check("vendors empty panel", await page.getByTestId("first-event-panel").isVisible());
await page.getByLabel("Workspace").selectOption("acme");
await page.getByRole("heading", { name: "Vendors" }).waitFor();
await page.waitForFunction(() => !document.querySelector('[data-testid="first-event-panel"]'));
check("switched back to acme", true);
// api keys: create + revoke
await page.goto(base + "/settings/api-keys");
await page.getByLabel("Key name").fill("ci ingest");
await page.getByRole("checkbox", { name: "Read" }).check();
await page.getByRole("button", { name: "Create key" }).click();
await page.getByTestId("new-key-secret").waitFor();
const secret = await page.getByLabel("New API key secret").innerText();
check("secret shown once", /^usk_/.test(secret), secret.slice(0, 12));
await page.screenshot({ path: `${out}/flow-created.png`, fullPage: true });
const ingest = await fetch(`${base}/api/v1/keys`, { headers: { authorization: `Bearer ${secret}` } });
check("key cannot manage keys (session-only route)", ingest.status === 403, String(ingest.status));
await page.reload();
check("secret gone after reload", (await page.getByTestId("new-key-secret").count()) === 0);
await page.getByRole("button", { name: "Revoke ci ingest" }).click();
await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).waitFor();
await page.screenshot({ path: `${out}/flow-revoke.png` });
await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
await page.getByRole("button", { name: "Revoke ci ingest" }).waitFor({ state: "detached" });
check("revoked", true);
// JSON API with the session cookie
const cookies = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
const list = await fetch(`${base}/api/v1/keys`, { headers: { cookie: cookies } });
const body = await list.json();
check("GET /api/v1/keys", list.status === 200 && body.keys.some((k) => k.name === "ci ingest" && k.revokedAt), String(list.status));
const created = await fetch(`${base}/api/v1/keys`, { method: "POST", headers: { cookie: cookies, "content-type": "application/json" }, body: JSON.stringify({ name: "api made", scopes: ["ingest"] }) });
const cj = await created.json();
check("POST /api/v1/keys", created.status === 201 && cj.secret.startsWith("usk_"), String(created.status));
const bad = await fetch(`${base}/api/v1/keys`, { method: "POST", headers: { cookie: cookies, "content-type": "application/json" }, body: JSON.stringify({ name: "", scopes: [] }) });
check("POST invalid → 400", bad.status === 400, JSON.stringify(await bad.json()).slice(0, 200));
const del = await fetch(`${base}/api/v1/keys/${cj.key.id}`, { method: "DELETE", headers: { cookie: cookies } });
check("DELETE → 204", del.status === 204, String(del.status));
const del2 = await fetch(`${base}/api/v1/keys/${cj.key.id}`, { method: "DELETE", headers: { cookie: cookies } });
check("DELETE again → 404", del2.status === 404, String(del2.status));
const delB = await fetch(`${base}/api/v1/keys/${cj.key.id}`, { method: "DELETE", headers: { cookie: cookies, "x-unitscope-workspace": "beta" } });
check("DELETE as viewer of beta → 403", delB.status === 403, String(delB.status));
const anon = await fetch(`${base}/api/v1/keys`);
check("anonymous → 401", anon.status === 401, String(anon.status));
// sign out
await page.getByRole("button", { name: /Account menu/ }).click();
await page.getByRole("button", { name: "Sign out" }).click();
await page.waitForURL(/\/login/);
await page.goto(base + "/overview");
await page.waitForURL(/\/login/);
check("signed out", true);
await ctx.close();

// viewer
{
  const { ctx, page } = await session("viewer@acme.test");
  await page.goto(base + "/settings");
  check("viewer: no API keys tab", (await page.getByRole("link", { name: "API keys" }).count()) === 0);
  check("viewer: members tab", (await page.getByRole("link", { name: "Members", exact: true }).count()) === 1);
  await page.goto(base + "/settings/api-keys");
  await page.waitForURL(/\/overview\?error=forbidden/);
  check("viewer: api-keys page refused", await page.getByText("You don't have access to that page").isVisible());
  const cookies = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const r = await fetch(`${base}/api/v1/keys`, { method: "POST", headers: { cookie: cookies, "content-type": "application/json" }, body: JSON.stringify({ name: "x", scopes: ["ingest"] }) });
  check("viewer: POST /api/v1/keys → 403", r.status === 403, String(r.status));
  const g = await fetch(`${base}/api/v1/keys`, { headers: { cookie: cookies } });
  check("viewer: GET /api/v1/keys → 403", g.status === 403, String(g.status));
  check("viewer: single workspace static label", (await page.getByTestId("current-workspace").innerText()) === "Acme AI");
  await ctx.close();
}
// engineer: sees keys, no controls
{
  const { ctx, page } = await session("eng@acme.test");
  await page.goto(base + "/settings/api-keys");
  check("engineer: list visible", (await page.getByTestId("api-key-row").count()) > 0);
  check("engineer: no create form", (await page.getByRole("button", { name: "Create key" }).count()) === 0);
  check("engineer: no revoke", (await page.getByRole("button", { name: /^Revoke/ }).count()) === 0);
  await ctx.close();
}
// dark mode, no flash: html has class dark in the server HTML run before hydration
{
  const { ctx, page } = await session("owner@acme.test", { colorScheme: "dark" });
  await page.goto(base + "/overview");
  check("dark via prefers-color-scheme", await page.evaluate(() => document.documentElement.classList.contains("dark")));
  await page.screenshot({ path: `${out}/flow-dark.png` });
  await page.getByRole("button", { name: /theme/ }).click(); // system -> light
  check("toggle to light", await page.evaluate(() => !document.documentElement.classList.contains("dark") && localStorage.getItem("unitscope-theme") === "light"));
  await page.reload();
  check("light persists on reload", await page.evaluate(() => !document.documentElement.classList.contains("dark")));
  await page.getByRole("button", { name: /theme/ }).click(); // light -> dark
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: `${out}/flow-laptop-dark.png` });
  check("rail: links keep names", (await page.getByRole("link", { name: "Reliability", exact: true }).count()) === 1);
  await page.setViewportSize({ width: 600, height: 800 });
  await page.getByRole("button", { name: "Open navigation" }).click();
  await page.getByRole("dialog", { name: "Navigation" }).getByRole("link", { name: "Tenants" }).click();
  await page.waitForURL(/\/tenants/);
  check("mobile drawer navigates", true);
  await page.screenshot({ path: `${out}/flow-mobile.png` });
  await ctx.close();
}
console.log("console errors:", errors.length ? "\n" + errors.join("\n") : "none");
await browser.close();
