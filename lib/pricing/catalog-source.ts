import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { waitForUpdate, type Provider } from "@pydantic/genai-prices";

export const CATALOG_SOURCE = "@pydantic/genai-prices";

/**
 * Publish dates of catalog releases, from the npm registry (`npm view @pydantic/genai-prices time`).
 * The package carries no date of its own; a release missing here is shown with its load date instead.
 */
const RELEASE_DATES: Record<string, string> = { "0.1.8": "2026-09-23" };

export type CatalogSource = {
  source: string;
  version: string;
  releasedOn: string | null;
  fingerprint: string;
  providers: readonly Provider[];
};

let cached: Promise<CatalogSource> | undefined;

/**
 * The catalog exactly as `npm install` brought it: the package's bundled data (never its remote
 * auto-update, which nothing here enables), its version, and a fingerprint of the data so a changed
 * catalog is detected even without a version bump.
 */
export function readCatalogSource(): Promise<CatalogSource> {
  cached ??= (async () => {
    const providers = (await waitForUpdate()) ?? [];
    const version = readPackageVersion();
    const fingerprint = createHash("sha256").update(JSON.stringify(providers)).digest("hex");
    return { source: CATALOG_SOURCE, version, releasedOn: RELEASE_DATES[version] ?? null, fingerprint, providers };
  })();
  return cached;
}

function readPackageVersion(): string {
  // The package's exports map hides package.json from require.resolve; read it from node_modules.
  const file = path.resolve(process.cwd(), "node_modules", "@pydantic", "genai-prices", "package.json");
  try {
    const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}
