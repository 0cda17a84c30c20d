#!/usr/bin/env node
// `npm start`: builds the app when the sources changed since the last build, then serves it with
// `next start`. The server itself migrates the database, seeds the demo once and prints the login
// (instrumentation.ts). Works with no configuration: embedded PGlite under ./.data/pglite.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const port = process.env.PORT || "3000";

if (!fs.existsSync("node_modules/next")) {
  console.error("Dependencies are missing: run `npm install` first (README, Quick start).");
  process.exit(1);
}

const env = {
  ...process.env,
  PORT: port,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || localSecret(),
};

if (!fs.existsSync("lib/db/generated/client.ts")) run(process.execPath, ["scripts/prisma-generate.mjs"]);
if (needsBuild()) {
  console.log("[unitscope] building the app (first start or sources changed)…");
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { ...env, NODE_ENV: "production" });
}

const db = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite (${process.env.UNITSCOPE_DATA_DIR || ".data/pglite"})`;
console.log(`[unitscope] starting on http://localhost:${port} with ${db}; preparing the database…`);
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

function run(cmd, args, runEnv = env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: runEnv });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** A session-signing secret kept beside the data, created once, so sign-ins survive restarts. */
function localSecret() {
  const file = path.join(process.env.UNITSCOPE_SECRET_DIR || ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** Rebuild when any source file is newer than the last build (or there is none). */
function needsBuild() {
  const stamp = ".next/BUILD_ID";
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const roots = [
    "app",
    "components",
    "lib",
    "public",
    "instrumentation.ts",
    "next.config.js",
    "package.json",
    "postcss.config.mjs",
    "prisma/seed",
  ];
  const newer = (p) => {
    if (!fs.existsSync(p)) return false;
    const st = fs.statSync(p);
    if (st.isDirectory()) return fs.readdirSync(p).some((f) => f !== "generated" && newer(path.join(p, f)));
    return st.mtimeMs > built;
  };
  return roots.some(newer);
}
