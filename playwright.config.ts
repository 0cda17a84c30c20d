import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
// @ts-expect-error -- plain ESM helper shared with scripts/test.mjs
import { findChromium } from "./scripts/find-chromium.mjs";

const port = Number(process.env.E2E_PORT ?? 3210);
// E2E_BASE_URL targets an app that is already running (handy while developing); otherwise one is started.
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`;
// Without DATABASE_URL the app under test gets a fresh embedded database of its own.
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `unitscope-e2e-${process.pid}`);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    contextOptions: { reducedMotion: "reduce" },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? findChromium() ?? undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 850 } } }],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: "node scripts/start.mjs",
        url: `${baseURL}/api/health`,
        timeout: 420_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        env: {
          PORT: String(port),
          UNITSCOPE_DATA_DIR: dataDir,
          UNITSCOPE_SECRET_DIR: dataDir + "-secret",
          // The shortest evaluation cadence allowed, so e2e/alerts.spec.ts sees a monitor fire within seconds.
          UNITSCOPE_ALERT_EVAL_SECONDS: process.env.UNITSCOPE_ALERT_EVAL_SECONDS ?? "10",
          ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
        },
      },
});
