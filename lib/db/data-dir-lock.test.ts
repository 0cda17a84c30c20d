import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, lockPathFor, readLock } from "./data-dir-lock";

const dirs: string[] = [];
function dataDir(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "us-lock-"));
  dirs.push(root);
  return path.join(root, "pglite");
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The pid of a process that has exited: a lock it left is stale. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "0"]);
  return r.pid;
}

describe("data directory lock", () => {
  it("is held whole by its owner, refused to anyone else (this process too), released on demand", () => {
    const dir = dataDir();
    const release = acquireDataDirLock(dir, "the app", "http://localhost:3000");
    expect(readLock(dir)).toMatchObject({ pid: process.pid, owner: "the app", url: "http://localhost:3000" });
    expect(() => acquireDataDirLock(dir, "the CLI")).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir, "the CLI")).toThrow(/in use by the app \(pid \d+, serving http:\/\/localhost:3000\)/);
    release();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
    acquireDataDirLock(dir, "the CLI")();
  });

  it("takes over a lock left by a process that is gone, and an unreadable one", () => {
    const dir = dataDir();
    fs.mkdirSync(path.dirname(lockPathFor(dir)), { recursive: true });
    fs.writeFileSync(lockPathFor(dir), JSON.stringify({ pid: deadPid(), owner: "a crashed app", since: new Date().toISOString() }));
    const release = acquireDataDirLock(dir, "the app");
    expect(readLock(dir)?.pid).toBe(process.pid);
    release();
    fs.writeFileSync(lockPathFor(dir), "");
    acquireDataDirLock(dir, "the app")();
    // No debris: the temporary and set-aside files are gone.
    expect(fs.readdirSync(path.dirname(lockPathFor(dir))).filter((f) => f.includes(".lock."))).toEqual([]);
  });
});
