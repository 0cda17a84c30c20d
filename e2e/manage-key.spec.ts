import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./helpers";

test("the owner creates a manage-scoped key in Settings; it manages contracts and never mints keys", async ({ page }) => {
  await signIn(page, DEMO);
  await page.goto("/settings/api-keys");
  await expect(page.getByText(/Manage: Change contracts, re-pricing, alerts, SLOs and budgets/)).toBeVisible();
  const name = `e2e-manage-${Date.now()}`;
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("checkbox", { name: "Ingest" }).uncheck();
  await page.getByRole("checkbox", { name: "Read" }).check();
  await page.getByRole("checkbox", { name: "Manage" }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-key-secret").getByLabel("New API key secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^usk_[A-Za-z0-9_-]+$/);
  await page.reload();
  await expect(page.getByTestId("api-key-row").filter({ hasText: name })).toContainText("manage");

  const auth = { authorization: `Bearer ${secret}` };
  // A term that starts in the far future re-prices nothing, so the demo data stays as it is.
  const created = await page.request.post("/api/v1/contracts", {
    headers: auth,
    data: { kind: "discount", name, discountPercent: "5", effectiveFrom: "2099-01-01T00:00:00Z" },
  });
  expect(created.status()).toBe(201);
  const id = (await created.json()).term.id as number;
  expect((await page.request.get(`/api/v1/contracts/${id}`, { headers: auth })).status()).toBe(200);
  expect((await page.request.delete(`/api/v1/contracts/${id}`, { headers: auth })).status()).toBe(200);
  const minted = await page.request.post("/api/v1/keys", { headers: auth, data: { name: "minted", scopes: ["manage"] } });
  expect(minted.status()).toBe(403);
  expect((await page.request.post("/api/v1/events", { headers: auth, data: { events: [] } })).status()).toBe(403);
});
