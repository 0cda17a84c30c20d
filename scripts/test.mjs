#!/usr/bin/env node
// `npm test`: all three tiers — unit (pure), db (real Postgres via DATABASE_URL, else throw-away PGlite)
// and e2e (Playwright in real Chromium against the built app). Prints one closing line
// `unitscope: N passed, N failed, N skipped` and exits non-zero when anything failed or a required tier
// could not run. With E2E_REQUIRED=1 (or CI=true) a missing Chromium fails the run instead of warning.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findChromium } from "./find-chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
fs.mkdirSync("test-results", { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit db`
const wants = (tier) => only.length === 0 || only.includes(tier);
const required = process.env.E2E_REQUIRED === "1" || process.env.CI === "true";
const totals = { passed: 0, failed: 0, skipped: 0 };
let problems = 0;

console.log(
  `[test] database for db and e2e tiers: ${process.env.DATABASE_URL ? "PostgreSQL from DATABASE_URL" : "embedded PGlite (throw-away)"}`,
);

for (const tier of ["unit", "db"]) {
  if (!wants(tier)) continue;
  const out = `test-results/vitest-${tier}.json`;
  fs.rmSync(out, { force: true });
  const r = spawnSync(
    process.execPath,
    ["node_modules/vitest/vitest.mjs", "run", "--project", tier, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    { stdio: "inherit" },
  );
  const counted = countVitest(out);
  if (!counted) {
    console.error(`[test] the ${tier} tier produced no report (exit ${r.status})`);
    problems++;
    continue;
  }
  if (r.status !== 0 && counted.failed === 0) problems++; // e.g. an unhandled error outside a test
  add(counted);
}

if (wants("e2e")) {
  const chromium = findChromium();
  if (!chromium) {
    const banner = [
      "#".repeat(78),
      "# E2E TIER NOT RUN: no Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium, chromium-browser).",
      "# Install it with: apt-get install -y chromium   (Playwright cannot download browsers here)",
      required ? "# E2E_REQUIRED/CI is set: this is a FAILURE." : "# Set E2E_REQUIRED=1 to make this an error (CI does).",
      "#".repeat(78),
    ].join("\n");
    console.error(banner);
    if (required) problems++;
  } else {
    const out = "test-results/playwright.json";
    fs.rmSync(out, { force: true });
    const r = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test"], {
      stdio: "inherit",
      env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
    });
    const counted = countPlaywright(out);
    if (!counted) {
      console.error(`[test] the e2e tier produced no report (exit ${r.status})`);
      problems++;
    } else {
      if (r.status !== 0 && counted.failed === 0) problems++;
      add(counted);
    }
  }
}

if (totals.passed + totals.failed === 0) {
  console.error("[test] no test ran");
  problems++;
}
console.log(`\nunitscope: ${totals.passed} passed, ${totals.failed + problems} failed, ${totals.skipped} skipped`);
process.exit(totals.failed + problems > 0 ? 1 : 0);

function add(c) {
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return null;
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  // Files that failed to load count as failures even though they hold no test results.
  const brokenFiles = (j.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length;
  return {
    passed: j.numPassedTests ?? 0,
    failed: (j.numFailedTests ?? 0) + brokenFiles,
    skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
  };
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return null;
  const s = JSON.parse(fs.readFileSync(file, "utf8")).stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}
