import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLockedError, lockPathFor } from "./data-dir-lock";
import { openDatabase } from "./open-database";

// The embedded default, as a new user gets it: a data directory created on first use, kept across restarts.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "unitscope-pglite-"));
const dataDir = path.join(root, "nested", "pglite");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("embedded database", () => {
  it("creates its directory on first use, keeps data across a restart, and locks while open", async () => {
    const first = await openDatabase({ kind: "pglite", dataDir }, "test app");
    expect(first.migrations.applied.length).toBeGreaterThan(0);
    await first.prisma.workspace.create({ data: { slug: "persist", name: "Persist" } });
    await expect(openDatabase({ kind: "pglite", dataDir }, "second process")).rejects.toBeInstanceOf(DataDirLockedError);
    // Same process, so the lock is ours; a different pid would be refused (see scripts/cli.db.test.ts).
    await first.close();
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);

    const second = await openDatabase({ kind: "pglite", dataDir }, "test app");
    expect(second.migrations.applied).toEqual([]);
    expect(await second.prisma.workspace.findUnique({ where: { slug: "persist" } })).toMatchObject({ name: "Persist" });
    await second.close();
  });
});
