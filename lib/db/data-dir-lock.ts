import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * PGlite takes no lock on its data directory and two processes opening it corrupt it. Every process
 * that opens the embedded database (the app, the CLI, scripts) takes this lock file first.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database ${path.dirname(lockPath)} is in use by ${holder.owner} (pid ${holder.pid}` +
        `${holder.url ? `, serving ${holder.url}` : ""}). Only one process may open it: stop that process first, ` +
        `or use DATABASE_URL with a PostgreSQL server, where the app and the CLI can run side by side. ` +
        `If no such process exists, delete ${lockPath}.`,
    );
    this.name = "DataDirLockedError";
  }
}

export type LockInfo = { pid: number; owner: string; url?: string; since: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** In containers a restarted app often gets the pid its crashed predecessor had. */
function leftByEarlierProcessWithOurPid(holder: LockInfo): boolean {
  const startedAt = Date.now() - process.uptime() * 1000;
  return holder.pid === process.pid && Date.parse(holder.since) < startedAt - 1000;
}

export function lockPathFor(dataDir: string): string {
  return path.join(dataDir, "..", `${path.basename(dataDir)}.lock`);
}

export function readLock(dataDir: string): LockInfo | null {
  return readLockFile(lockPathFor(dataDir));
}

/** null when missing or unreadable (locks are linked into place whole, so unreadable means stale). */
function readLockFile(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

function holdsLock(holder: LockInfo): boolean {
  return isAlive(holder.pid) && !leftByEarlierProcessWithOurPid(holder);
}

/**
 * Moves the stale lock aside (rename is atomic) and only then deletes it. Two processes starting at
 * once may both judge the same lock stale; if the one that comes second moved away the fresh lock the
 * first had just linked, it sees a live holder in what it moved, puts it back and backs off.
 */
function removeStaleLock(lockPath: string): void {
  const aside = `${lockPath}.stale.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return; // someone else removed it first
    throw err;
  }
  const moved = readLockFile(aside);
  try {
    if (moved && holdsLock(moved)) {
      try {
        fs.linkSync(aside, lockPath);
      } catch {
        // another process linked its own lock meanwhile: it holds the directory now
      }
      throw new DataDirLockedError(lockPath, moved);
    }
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/** Takes the lock or throws DataDirLockedError; a lock left by a dead process is taken over. */
export function acquireDataDirLock(dataDir: string, owner: string, url?: string): () => void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const info: LockInfo = { pid: process.pid, owner, url, since: new Date().toISOString() };
  for (let tries = 0; tries < 3; tries++) {
    try {
      // Written whole under a private name, then linked into place (atomic, EEXIST if taken): another
      // process never reads a half-written lock, which it would judge stale and take over.
      const tmp = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}`;
      fs.writeFileSync(tmp, JSON.stringify(info));
      try {
        fs.linkSync(tmp, lockPath);
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      const release = () => {
        const current = readLock(dataDir);
        if (current?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readLock(dataDir);
      if (holder && holdsLock(holder)) {
        throw new DataDirLockedError(lockPath, holder); // this process too: it must never open the directory twice
      }
      removeStaleLock(lockPath); // its process is gone
    }
  }
  throw new Error(`could not take the lock ${lockPath}`);
}
