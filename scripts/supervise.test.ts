import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { supervise, type Supervisor } from "./supervise.mjs";

const root = path.resolve(import.meta.dirname, "..");
const running: Supervisor[] = [];
const scratch: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop("SIGKILL")));
  for (const d of scratch.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function start(script: string, opts: { minDelayMs?: number; maxDelayMs?: number; healthyAfterMs?: number; nodeArgs?: string[] } = {}) {
  const { nodeArgs = [], ...delays } = opts;
  const lines: string[] = [];
  const sup = supervise({
    command: process.execPath,
    args: [...nodeArgs, "-e", script],
    spawnOptions: { stdio: "ignore", cwd: root },
    log: (l) => lines.push(l),
    ...delays,
  });
  running.push(sup);
  return { sup, lines };
}

async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !cond();) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const delays = (lines: string[]) => lines.map((l) => l.match(/restarting it in ([\d.]+ s)/)?.[1]).filter(Boolean);

describe("supervise", () => {
  it("restarts a server that keeps crashing with a back-off doubling up to its cap, logging the exit code", async () => {
    const { sup, lines } = start("process.exit(3)", { minDelayMs: 100, maxDelayMs: 400 });
    await until(() => sup.restarts >= 5, "5 restarts");
    expect(delays(lines).slice(0, 5)).toEqual(["0.1 s", "0.2 s", "0.4 s", "0.4 s", "0.4 s"]);
    expect(lines[0]).toMatch(/^the server exited with code 3 after [\d.]+ s; restarting it in 0.1 s \(restart 1\)$/);
    expect(lines.some((l) => /^restarted the server \(pid \d+\)$/.test(l))).toBe(true);
  });

  it("starts the back-off over after a run that stayed up long enough", async () => {
    const { sup, lines } = start("setTimeout(() => process.exit(1), 300)", { minDelayMs: 100, maxDelayMs: 1000, healthyAfterMs: 200 });
    await until(() => sup.restarts >= 3, "3 restarts");
    expect(delays(lines).slice(0, 3)).toEqual(["0.1 s", "0.1 s", "0.1 s"]);
  });

  it("restarts a server killed from outside (SIGKILL, as by the OOM killer) and names the signal", async () => {
    const { sup, lines } = start("setInterval(() => {}, 1000)", { minDelayMs: 50 });
    await until(() => sup.child?.pid !== undefined, "the first run");
    const first = sup.child!.pid!;
    process.kill(first, "SIGKILL");
    await until(() => sup.child !== null && sup.child.pid !== first, "a restart");
    expect(lines[0]).toMatch(/^the server was killed by SIGKILL \(from outside, e.g. the kernel's out-of-memory killer\) after/);
    expect(alive(sup.child!.pid!)).toBe(true);
  });

  it("stops on request: the signal is forwarded, the exit returned, nothing restarted", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "us-sup-stop-"));
    scratch.push(dir);
    const ready = path.join(dir, "ready");
    const { sup } = start(
      `process.on("SIGTERM", () => process.exit(0)); require("node:fs").writeFileSync(${JSON.stringify(ready)}, ""); setInterval(() => {}, 1000)`,
      { minDelayMs: 50 },
    );
    await until(() => fs.existsSync(ready), "the run to handle SIGTERM");
    const pid = sup.child!.pid!;
    expect(await sup.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    expect(alive(pid)).toBe(false);
    await new Promise((r) => setTimeout(r, 200)); // four back-offs: a restart would have happened
    expect({ restarts: sup.restarts, child: sup.child }).toEqual({ restarts: 0, child: null });
  });

  it("stops at once while waiting to restart", async () => {
    const { sup } = start("process.exit(1)", { minDelayMs: 60_000 });
    await until(() => sup.restarts === 1, "the first crash");
    expect(await sup.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    expect(sup.child).toBeNull();
  });

  it("lets the restarted server take the embedded database's lock its killed predecessor left", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "us-sup-lock-"));
    scratch.push(dir);
    const log = path.join(dir, "runs.log");
    // The real lock code, in a server stand-in that dies holding the lock on its first run (SIGKILL:
    // no exit handler runs, as after an out-of-memory kill) and holds it on the second.
    const script = `
      import("./lib/db/data-dir-lock.ts").then(({ acquireDataDirLock }) => {
        const fs = require("node:fs");
        const first = !fs.existsSync(${JSON.stringify(log)});
        acquireDataDirLock(${JSON.stringify(path.join(dir, "pglite"))}, "the Unitscope app");
        fs.appendFileSync(${JSON.stringify(log)}, "locked " + process.pid + "\\n");
        if (first) process.kill(process.pid, "SIGKILL");
        else setInterval(() => {}, 1000);
      });`;
    const { sup, lines } = start(script, { minDelayMs: 100, nodeArgs: ["--import", "tsx"] });
    await until(
      () => (fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n").length : 0) >= 2 || sup.restarts >= 2,
      "a second run",
    );
    const runs = fs.readFileSync(log, "utf8").trim().split("\n");
    expect({ runs: runs.length, exits: lines.filter((l) => l.startsWith("the server")) }).toEqual({
      runs: 2,
      exits: [expect.stringMatching(/^the server was killed by SIGKILL/)],
    });
    const lock = JSON.parse(fs.readFileSync(path.join(dir, "pglite.lock"), "utf8"));
    expect(lock.pid).toBe(Number(runs[1]!.split(" ")[1]));
  });
});
