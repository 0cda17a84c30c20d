// Temporary walk-through script (not part of the project): signs in, visits pages, screenshots, console errors.
import { chromium } from "playwright";
const base = process.env.BASE ?? "http://localhost:3102";
const out = process.env.OUT ?? "/tmp/us-ui/shots";
const email = process.env.EMAIL ?? "owner@acme.test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const ctx = await browser.newContext({ viewport: { width: Number(process.env.W ?? 1400), height: 900 }, colorScheme: process.env.SCHEME ?? "light" });
const page = await ctx.newPage();
const errors = [];
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()} ${page.url()}: ${m.text()}`); });
page.on("pageerror", (e) => errors.push(`pageerror ${page.url()}: ${e.message}`));
await page.goto(base + "/");
await page.waitForURL(/\/login/);
await page.screenshot({ path: `${out}/login.png` });
await page.getByLabel("Email").fill(email);
await page.getByLabel("Password").fill("wrong-password");
await page.getByRole("button", { name: "Sign in" }).click();
await page.getByRole("alert").waitFor();
console.log("wrong password alert:", await page.getByRole("alert").innerText());
await page.getByLabel("Password").fill("password123");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/\/overview/);
await page.getByTestId("dashboard-shell").waitFor();
for (const p of (process.env.PAGES ?? "overview,spend,reliability,tenants,features,vendors,settings,settings/members,settings/api-keys").split(",")) {
  const r = await page.goto(`${base}/${p}`);
  await page.waitForLoadState("networkidle");
  console.log(p, r?.status(), page.url(), "h1:", await page.locator("h1").first().innerText());
  await page.screenshot({ path: `${out}/${p.replace(/\//g, "_")}.png`, fullPage: true });
}
console.log("console errors:", errors.length ? errors.join("\n") : "none");
await browser.close();
