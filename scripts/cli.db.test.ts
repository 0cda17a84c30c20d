import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Runs the real CLI as a user would. Always on the embedded database (that is where the lock matters),
// in a temporary data directory.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unitscope-cli-")) + "/pglite";
const env = { ...process.env, DATABASE_URL: "", UNITSCOPE_DATA_DIR: dataDir, UNITSCOPE_BCRYPT_COST: "4" };
// `--import tsx` keeps each run a single process (the tsx CLI would fork a child a kill could orphan).
const tsx = ["--import", "tsx"];

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [...tsx, "scripts/cli.ts", ...args], { env, input, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

describe("npm run cli", () => {
  it("creates a workspace, a user (password from stdin) and a key whose secret is the last stdout line", () => {
    expect(cli(["workspace", "create", "acme", "--name", "Acme"])).toMatchObject({ code: 0 });
    expect(cli(["user", "create", "ops@acme.test", "--workspace", "acme", "--role", "admin"], "a-long-password\n")).toMatchObject({
      code: 0,
    });
    const key = cli(["key", "create", "--workspace", "acme", "--scope", "ingest,read"]);
    expect(key.code).toBe(0);
    const lines = key.stdout.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^usk_[A-Za-z0-9_-]{32}$/);
    const list = cli(["key", "list", "--workspace", "acme"]);
    expect(list.stdout).toContain("ingest,read");
    expect(list.stdout).not.toContain(lines.at(-1));
  });

  it("creates a manage-scoped key for automation (the third scope)", () => {
    const key = cli(["key", "create", "--workspace", "acme", "--scope", "ingest,read,manage", "--name", "terraform"]);
    expect(key.code).toBe(0);
    expect(key.stdout).toMatch(/scopes ingest,read,manage\)/);
    const secret = key.stdout.trim().split("\n").at(-1)!;
    expect(secret).toMatch(/^usk_/);
    expect(cli(["key", "list", "--workspace", "acme"]).stdout).toMatch(/\tingest,read,manage\tterraform\tactive/);
  });

  it("rejects bad input with a clear message and a non-zero exit", () => {
    const bad = cli(["key", "create", "--workspace", "acme", "--scope", "admin"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/expected one of "ingest"\|"read"\|"manage"/);
    expect(cli(["workspace", "create", "Not A Slug"]).stderr).toMatch(/slug/);
    expect(cli(["user", "create", "x@acme.test", "--workspace", "nope", "--role", "viewer", "--password", "long-enough"]).stderr).toMatch(
      /no workspace 'nope'/,
    );
  });

  it("refuses to open the embedded database while another process holds it", async () => {
    // A real second process opens the database (as the app does) and keeps it open.
    const holder = spawn(
      process.execPath,
      [
        ...tsx,
        "-e",
        `import("./lib/db/open-database.ts").then(async (m) => { await m.openDatabase({ kind: "pglite", dataDir: ${JSON.stringify(dataDir)} }, "the Unitscope app", { url: "http://localhost:3999" }); console.log("open"); setInterval(() => {}, 1000); })`,
      ],
      { env, stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on("data", (d: Buffer) => d.toString().includes("open") && resolve());
        holder.on("exit", (c) => reject(new Error(`holder exited ${c}`)));
      });
      const refused = cli(["workspace", "list"]);
      expect(refused.code).toBe(75);
      expect(refused.stderr).toMatch(/in use by the Unitscope app \(pid \d+, serving http:\/\/localhost:3999\)/);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((r) => holder.once("exit", r));
    }
    // The holder died without cleaning up: its stale lock is taken over.
    const after = cli(["workspace", "list"]);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain("acme");
  });
});
