import { expect, test } from "@playwright/test";
import { DEMO, signIn, watchConsole } from "./helpers";

/** Works for page navigations (Response) and API calls (APIResponse) alike. */
function expectHardeningHeaders(res: { headers(): Record<string, string> }, what: string) {
  const h = res.headers();
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["content-security-policy"], what).toContain("frame-ancestors 'none'");
  return h["content-security-policy"] ?? "";
}

test("pages carry a nonce-based CSP and the hardening headers, and render without CSP violations", async ({ page }) => {
  const errors = watchConsole(page);
  const violations: string[] = [];
  page.on("console", (m) => /content security policy/i.test(m.text()) && violations.push(m.text()));

  const login = await page.goto("/login");
  const loginCsp = expectHardeningHeaders(login!, "/login");
  expect(loginCsp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
  expect(loginCsp).not.toMatch(/script-src [^;]*'unsafe-inline'/);

  await signIn(page, DEMO);
  const overview = await page.goto("/overview");
  const csp = expectHardeningHeaders(overview!, "/overview");
  // A fresh nonce per response: a nonce that repeats could be reused by injected markup.
  expect(csp.match(/'nonce-([^']+)'/)?.[1]).not.toBe(loginCsp.match(/'nonce-([^']+)'/)?.[1]);
  // Charts (recharts, inline styles) and client navigation work under the policy.
  await expect(page.getByTestId("dashboard-shell")).toBeVisible();
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
  await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Spend" }).click();
  await expect(page).toHaveURL(/\/spend/);
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

test("API routes carry the hardening headers too", async ({ request }) => {
  expectHardeningHeaders(await request.get("/api/health"), "/api/health");
  expectHardeningHeaders(await request.get("/api/auth/session"), "/api/auth/session");
  expectHardeningHeaders(await request.post("/api/v1/metrics/query", { data: {} }), "/api/v1/metrics/query");
  expectHardeningHeaders(await request.post("/api/v1/events", { data: { events: [] } }), "/api/v1/events");
  expectHardeningHeaders(await request.post("/api/otlp/v1/traces", { data: {} }), "/api/otlp/v1/traces");
});

test("a server action posted from another origin is refused with 403, not a 500", async ({ request, baseURL }) => {
  for (const origin of ["https://evil.example", "null"]) {
    const res = await request.post("/settings/api-keys", {
      headers: { origin, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(res.status(), `Origin: ${origin}`).toBe(403);
  }
  // Same origin still reaches Next (an unknown action id is Next's own 4xx, not our refusal).
  const same = await request.post("/settings/api-keys", {
    headers: { origin: baseURL!, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(same.status()).not.toBe(403);
  expect(same.status()).toBeLessThan(500);
});

test("the sign-in page says when the service is unavailable or the attempts are too many", async ({ page }) => {
  await page.goto("/login?error=ServiceUnavailable");
  await expect(page.getByRole("alert").filter({ hasText: /unitscope is unavailable, retry shortly/i })).toBeVisible();
  await page.goto("/login?error=TooManyAttempts");
  await expect(page.getByRole("alert").filter({ hasText: /too many sign-in attempts/i })).toBeVisible();
});
