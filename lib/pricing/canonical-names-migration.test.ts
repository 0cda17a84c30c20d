import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";
import { providerAliasEntries } from "./canonical-names";

const CANONICAL_PROVIDERS_MIGRATION = path.join(MIGRATIONS_DIR, "20261124010000_canonical_providers", "migration.sql");

/** The (raw, canonical) pairs between the migration's begin/end markers. */
function migrationPairs(): [string, string][] {
  const sql = fs.readFileSync(CANONICAL_PROVIDERS_MIGRATION, "utf8");
  const block = /-- provider aliases: begin\n([\s\S]*?)\n-- provider aliases: end/.exec(sql)?.[1];
  if (!block) throw new Error("the migration lost its provider aliases markers");
  return block.split("\n").map((line) => {
    const m = /^ {2}\('([^']*)', '([^']*)'\),?$/.exec(line);
    if (!m) throw new Error(`unexpected line in the migration's alias list: ${line}`);
    return [m[1]!, m[2]!];
  });
}

describe("migration 20261124010000_canonical_providers", () => {
  it("holds exactly the alias table of canonical-names.ts (regenerate its VALUES list when the table changes)", () => {
    expect(migrationPairs()).toEqual(providerAliasEntries());
    // The names are written as plain SQL literals: none may need quoting.
    for (const [raw, c] of providerAliasEntries()) expect(`${raw} ${c}`).toMatch(/^[a-z0-9._-]+ [a-z0-9._-]+$/);
  });
});
