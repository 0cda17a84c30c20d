import { expect, test } from "@playwright/test";
import { DEMO, signIn, watchConsole } from "./helpers";

test("Settings → Pricing: an owner adds and deletes a contract term, confirmed on the page, audited as re-pricing runs", async ({
  page,
}, info) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO);
  await page.goto("/settings/pricing");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByTestId("catalog-version")).not.toBeEmpty();
  // Every table is named, so a screen reader can tell the four apart (and so can this test).
  for (const name of ["Unknown models", "List prices per million tokens", "Contract terms", "Re-pricing runs"]) {
    await expect(page.getByRole("table", { name })).toBeVisible();
  }
  const prices = page.getByRole("table", { name: "List prices per million tokens" });
  await expect(prices.getByRole("row").filter({ hasText: "gpt-4o-mini" }).first()).toContainText("$0.15");

  const name = `E2E agreement ${Date.now()}`;
  const form = page.getByTestId("add-contract-form");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Provider (blank = any)").fill("openai");
  await form.getByLabel("Discount %").fill("12.5");
  await form.getByLabel("Effective from (UTC)").fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
  await form.getByRole("button", { name: "Add term" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Contract term saved." })).toContainText(/Re-pricing run #\d+/);
  const term = page.getByRole("table", { name: "Contract terms" }).getByRole("row").filter({ hasText: name });
  await expect(term).toContainText("12.5% off list");
  await expect(term).toContainText("openai / any model");
  const runs = page.getByRole("table", { name: "Re-pricing runs" });
  // Money in the audit record is exact and grouped like every other amount (e.g. "$1,043.4472 → $1,040.44").
  await expect(runs.getByRole("row").filter({ hasText: "discount" }).first()).toContainText(/\$[\d,]+\.\d{2,} → \$[\d,]+\.\d{2,}/);

  await page.screenshot({ path: info.outputPath("pricing.png"), fullPage: true });
  await info.attach("pricing", { path: info.outputPath("pricing.png"), contentType: "image/png" });

  await term.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Contract term deleted." })).toBeVisible();
  await expect(page.getByRole("table", { name: "Contract terms" }).getByRole("row").filter({ hasText: name })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("Settings → Members and API keys list their rows in named tables", async ({ page }) => {
  await signIn(page, DEMO);
  await page.goto("/settings/members");
  await expect(page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: DEMO.email })).toContainText("owner");
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("table", { name: "API keys" })).toBeVisible();
});
