#!/usr/bin/env node
// `npm start`: builds the app when the sources changed since the last build, then serves it with
// `next start` in a child process that it supervises: after a crash the server is restarted with a
// back-off (scripts/supervise.mjs); SIGINT/SIGTERM are forwarded and stop it. The server itself
// migrates the database, seeds the demo once and prints the login (instrumentation.ts). Works with no
// configuration: embedded PGlite under ./.data/pglite.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { supervise } from "./supervise.mjs";

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
const server = supervise({
  command: process.execPath,
  args: ["node_modules/next/dist/bin/next", "start", "-p", port],
  spawnOptions: { stdio: "inherit", env: { ...env, NODE_ENV: "production" } },
  log: (line) => console.error(`[unitscope] ${line}`),
  onExit: ({ pid }) => releaseLockOf(pid),
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    console.log(`[unitscope] ${sig}: stopping the server`);
    void server.stop(sig);
  });
}
server.done.then(({ code }) => process.exit(code ?? 0));

function run(cmd, args, runEnv = env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: runEnv });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * A server that died without closing leaves the embedded database's lock file naming its pid. The lock
 * code takes over a lock whose process is gone, but in a container the dead server's pid may already
 * belong to another process: the supervisor, which saw it die, removes that lock before the restart.
 * Same path and set-aside steps as lib/db/data-dir-lock.ts (lockPathFor, removeStaleLock).
 */
function releaseLockOf(pid) {
  if (pid === undefined || process.env.DATABASE_URL?.trim() || process.env.UNITSCOPE_DATA_DIR === ":memory:") return;
  const dataDir = path.resolve(process.env.UNITSCOPE_DATA_DIR ?? ".data/pglite");
  const lockPath = path.join(dataDir, "..", `${path.basename(dataDir)}.lock`);
  const aside = `${lockPath}.stale.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    fs.renameSync(lockPath, aside); // atomic: a lock linked meanwhile by another process is not the one moved
  } catch {
    return; // no lock left behind
  }
  try {
    const holder = JSON.parse(fs.readFileSync(aside, "utf8"));
    if (holder?.pid !== pid)
      fs.linkSync(aside, lockPath); // someone else's lock: put it back
    else console.error(`[unitscope] removed the database lock left by the dead server (pid ${pid})`);
  } catch {
    // unreadable (stale by definition), or a new lock was linked meanwhile: that one stays
  } finally {
    fs.rmSync(aside, { force: true });
  }
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
