import { expect, type Page } from "@playwright/test";

export const DEMO = { email: "demo@unitscope.dev", password: process.env.UNITSCOPE_DEMO_PASSWORD ?? "unitscope-demo" };
export const VIEWER = { email: "viewer@unitscope.dev", password: DEMO.password };

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("dashboard-shell")).toBeVisible();
}

/** Fails the test on any console error or uncaught page error. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(`${m.text()} (${m.location().url})`));
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}
