import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filterOptionsRequest } from "./filter-options";
import { workspaceQueryKey } from "./query-key";

describe("workspaceQueryKey", () => {
  it("tells the same question in two workspaces apart", () => {
    // A day-aligned range gives both workspaces byte-identical requests: only the workspace differs.
    const request = filterOptionsRequest({ from: "2026-01-01T00:00:00.000Z", to: "2026-01-03T00:00:00.000Z" }, "tenant");
    const a = workspaceQueryKey("acme", ["filter-options", request]);
    const b = workspaceQueryKey("globex", ["filter-options", request]);
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(a).toEqual(["workspace", "acme", "filter-options", request]);
  });

  it("refuses a key without a workspace", () => {
    expect(() => workspaceQueryKey("", ["metrics"])).toThrow(/workspace/);
  });

  it("is the only way components query: no direct useQuery outside useWorkspaceQuery", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(entry.name) && p !== path.join(root, "components/dashboards/use-workspace-query.ts")) {
          if (/\buse(Suspense)?(Query|Queries|InfiniteQuery)\s*\(/.test(fs.readFileSync(p, "utf8"))) offenders.push(path.relative(root, p));
        }
      }
    };
    for (const dir of ["components", "app"]) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
