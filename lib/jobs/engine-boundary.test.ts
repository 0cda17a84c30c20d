import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * lib/jobs and lib/outbox are generic engines: domains import them, never the reverse (that made
 * lib/jobs/registry.ts ↔ pricing/rollups cycles). The composition of domains lives in lib/boot/jobs.ts.
 */
const ALLOWED: Record<string, string[]> = { "lib/jobs": ["lib/db", "lib/jobs"], "lib/outbox": ["lib/db", "lib/jobs", "lib/outbox"] };

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((e) => {
    const file = path.join(e.parentPath, e.name);
    return e.isFile() && /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !file.includes(`${path.sep}fixtures${path.sep}`)
      ? [file]
      : [];
  });
}

describe("engine boundaries", () => {
  it.each(Object.keys(ALLOWED))("%s imports no domain", (engine) => {
    const offending: string[] = [];
    for (const file of sources(path.resolve(engine))) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/(?:from|import\()\s*"@\/([^"]+)"/g)) {
        const target = m[1]!.split("/").slice(0, 2).join("/");
        if (!ALLOWED[engine]!.includes(target)) offending.push(`${path.relative(process.cwd(), file)} → @/${m[1]}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
