import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/**
 * `npm start` (scripts/start.mjs) run for real, in a scratch copy of the project layout whose
 * `node_modules/next` is a stand-in server: `next start` there records each run, takes the embedded
 * database's lock file (refusing a lock it finds, as if the dead run's pid now belonged to someone
 * else), dies on its first two runs — an uncaught error, then SIGKILL as from the kernel's OOM killer —
 * and serves on its third until SIGTERM, which it answers like Next (exit 143).
 */
const FAKE_NEXT = `
const fs = require("node:fs");
const log = process.env.FAKE_NEXT_LOG;
const lock = process.env.FAKE_NEXT_LOCK;
const run = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\\n").filter((l) => l.startsWith("start ")).length : 0;
fs.appendFileSync(log, "start " + process.pid + "\\n");
fs.mkdirSync(require("node:path").dirname(lock), { recursive: true });
try {
  fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, owner: "the Unitscope app", since: new Date().toISOString() }), { flag: "wx" });
} catch (err) {
  if (err.code !== "EEXIST") throw err;
  fs.appendFileSync(log, "locked-out " + process.pid + "\\n");
  process.exit(2);
}
if (run === 0) setTimeout(() => { throw new Error("boom: a fatal error"); }, 100);
else if (run === 1) setTimeout(() => process.kill(process.pid, "SIGKILL"), 100);
else {
  setInterval(() => {}, 1000);
  process.on("SIGTERM", () => {
    fs.appendFileSync(log, "SIGTERM " + process.pid + "\\n");
    fs.rmSync(lock, { force: true });
    process.exit(143);
  });
}
`;

const root = path.resolve(import.meta.dirname, "..");
const scratch: string[] = [];
const started: ChildProcess[] = [];
afterEach(() => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  for (const d of scratch.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function layout(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "us-start-"));
  scratch.push(dir);
  fs.mkdirSync(path.join(dir, "scripts"));
  for (const f of fs.readdirSync(path.join(root, "scripts")).filter((f) => f.endsWith(".mjs"))) {
    fs.copyFileSync(path.join(root, "scripts", f), path.join(dir, "scripts", f));
  }
  fs.mkdirSync(path.join(dir, "node_modules/next/dist/bin"), { recursive: true });
  fs.writeFileSync(path.join(dir, "node_modules/next/dist/bin/next"), FAKE_NEXT);
  fs.mkdirSync(path.join(dir, "lib/db/generated"), { recursive: true });
  fs.writeFileSync(path.join(dir, "lib/db/generated/client.ts"), "");
  fs.mkdirSync(path.join(dir, ".next"));
  fs.writeFileSync(path.join(dir, ".next/BUILD_ID"), "test"); // newer than every source: no build
  return dir;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start supervises the server", () => {
  it("restarts it after a crash with a doubling back-off, logging why, and stops it without restart on SIGTERM", async () => {
    const dir = layout();
    const log = path.join(dir, "runs.log");
    const readRuns = () => (fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : []);
    const start = spawn(process.execPath, [path.join(dir, "scripts/start.mjs")], {
      env: {
        ...process.env,
        PORT: "3240",
        NEXTAUTH_SECRET: "test-secret",
        DATABASE_URL: "",
        UNITSCOPE_DATA_DIR: path.join(dir, ".data/pglite"),
        FAKE_NEXT_LOG: log,
        FAKE_NEXT_LOCK: path.join(dir, ".data/pglite.lock"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.push(start);
    let output = "";
    start.stdout!.on("data", (b: Buffer) => (output += b));
    start.stderr!.on("data", (b: Buffer) => (output += b));
    const exited = new Promise<number | null>((resolve) => start.once("exit", (code) => resolve(code)));
    let startExit: number | null | undefined;
    void exited.then((code) => (startExit = code));

    // Two crashes, restarts after 1 s then 2 s: the third run should be up within ~4 s (20 s allowed).
    for (let i = 0; i < 200 && startExit === undefined && readRuns().filter((l) => l.startsWith("start ")).length < 3; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const runs = readRuns();
    console.log(
      `[start-supervision] runs: ${runs.join(", ")}; npm start ${startExit === undefined ? "still running" : `exited with ${startExit}`}`,
    );
    expect({ runs: runs.filter((l) => l.startsWith("start ")).length, startExited: startExit !== undefined }).toEqual({
      runs: 3,
      startExited: false,
    });
    expect(runs.some((l) => l.startsWith("locked-out"))).toBe(false); // each run could take the database lock
    expect(output).toMatch(
      /the server exited with code 1 \(an uncaught error, see above\) after [\d.]+ s; restarting it in 1 s \(restart 1\)/,
    );
    expect(output).toMatch(/the server was killed by SIGKILL .* restarting it in 2 s \(restart 2\)/);
    expect(output).toMatch(/removed the database lock left by the dead server/);
    const serving = Number(runs.at(-1)!.split(" ")[1]);
    expect(alive(serving)).toBe(true);

    start.kill("SIGTERM");
    expect(await exited).toBe(143); // the server's own exit status
    expect(readRuns().at(-1)).toBe(`SIGTERM ${serving}`);
    expect(alive(serving)).toBe(false);
    await new Promise((r) => setTimeout(r, 1500)); // longer than the first back-off: a restart would show
    expect(readRuns().filter((l) => l.startsWith("start ")).length).toBe(3);
  }, 40_000);
});
