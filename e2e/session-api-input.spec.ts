import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./helpers";

/** Session API routes and malformed input: each a 4xx or an ignored value, never a 500. */
test("a malformed workspace cookie is ignored by the session APIs, as pages ignore it", async ({ page, context, baseURL }) => {
  await signIn(page, DEMO);
  const before = await page.request.get("/api/v1/keys");
  expect(before.status()).toBe(200);

  // %E0%A4%A is not a complete UTF-8 escape: decodeURIComponent throws on it.
  await context.addCookies([{ name: "unitscope_workspace", value: "%E0%A4%A", url: baseURL! }]);
  const keys = await page.request.get("/api/v1/keys");
  expect(keys.status()).toBe(200);
  expect(await keys.json()).toEqual(await before.json());
  const metrics = await page.request.post("/api/v1/metrics/query", {
    data: { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString(), measures: ["requests"] },
  });
  expect(metrics.status()).toBe(200);
  // Pages fall back to the user's workspace in the same way.
  await page.goto("/overview");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});

test("a re-pricing window in year 0000 or 0001 is a 400 naming the field", async ({ page }) => {
  await signIn(page, DEMO);
  for (const [from, to] of [
    ["0000-01-01T00:00:00Z", "0000-01-02T00:00:00Z"],
    ["0001-01-01T00:00:00Z", "2026-01-01T00:00:00Z"],
  ]) {
    const r = await page.request.post("/api/v1/repricing", { data: { from, to, reason: "bounds" } });
    expect(r.status()).toBe(400);
    const body = (await r.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("invalid_body");
    expect(body.error.details.map((d) => d.path)).toContain("from");
  }
});
