import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./helpers";

/**
 * The app's PostgreSQL refuses connections (ALLOW_CONNECTIONS false + pg_terminate_backend, as in a
 * failover or maintenance window) while a user is signed in. Pages keep the shell (navigation) around a
 * "database unavailable, retrying" state, the APIs answer 503 + Retry-After, and when the database
 * accepts connections again the page shows its data by itself: no reload, no restart.
 * PostgreSQL only: an embedded PGlite lives inside the app process and cannot refuse connections.
 */
const url = process.env.DATABASE_URL;
test.skip(!url || !/^postgres(ql)?:/.test(url), "needs the app on PostgreSQL (DATABASE_URL): an embedded PGlite cannot refuse connections");

const dbName = url ? decodeURIComponent(new URL(url).pathname.slice(1)) : "";

/** A connection to the server's maintenance database, so cutting the app's database off does not cut us. */
async function adminClient(): Promise<pg.Client> {
  const admin = new URL(url!);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  return client;
}

async function refuseConnections(admin: pg.Client, refuse: boolean) {
  const ident = `"${dbName.replaceAll('"', '""')}"`;
  await admin.query(`ALTER DATABASE ${ident} ALLOW_CONNECTIONS ${refuse ? "false" : "true"}`);
  if (refuse) await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [dbName]);
}

async function expectOverviewData(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId("table-top-movers").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("database-unavailable")).toHaveCount(0);
}

async function expectShellWithOutageState(page: Page) {
  await expect(page.getByTestId("dashboard-shell")).toBeVisible();
  const nav = page.getByRole("navigation", { name: /main/i });
  for (const name of ["Overview", "Spend", "Settings"]) await expect(nav.getByRole("link", { name })).toBeVisible();
  await expect(page.getByTestId("database-unavailable")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Database unavailable, retrying" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Retry now" })).toBeVisible();
}

test("during a database outage pages keep the shell with a retrying state, APIs answer 503, and the data returns by itself", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO);
  await page.goto("/overview?range=7d");
  await expectOverviewData(page);

  const admin = await adminClient();
  try {
    await refuseConnections(admin, true);

    // A full load: the shell's own data (workspace, profile) cannot load either.
    await page.reload();
    await expectShellWithOutageState(page);
    await expect(page.getByText("This page couldn't load")).toHaveCount(0);

    // A client-side navigation: the page fails below the shell, the error boundary recognises the outage.
    await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Spend" }).click();
    await expect(page).toHaveURL(/\/spend/);
    await expectShellWithOutageState(page);

    // The APIs, session and key alike, tell clients to come back.
    for (const r of [
      await page.request.get("/api/v1/keys"),
      await page.request.post("/api/v1/metrics/query", {
        data: { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString(), measures: ["requests"] },
      }),
    ]) {
      expect({ url: r.url(), status: r.status(), retryAfter: r.headers()["retry-after"] }).toEqual({
        url: r.url(),
        status: 503,
        retryAfter: "5",
      });
      expect((await r.json()).error.code).toBe("unavailable");
    }

    await page.goto("/overview?range=7d");
    await expectShellWithOutageState(page);
  } finally {
    await refuseConnections(admin, false);
    await admin.end();
  }

  // No reload: the page notices the database is back and renders its data.
  await expectOverviewData(page);
  expect((await page.request.get("/api/v1/keys")).status()).toBe(200);
});
