import path from "node:path";

export type DbConfig = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string | null };

/** DATABASE_URL selects PostgreSQL; without it the embedded PGlite under UNITSCOPE_DATA_DIR is used. */
export function resolveDbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  if (env.UNITSCOPE_DATA_DIR === ":memory:") return { kind: "pglite", dataDir: null };
  return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ env.UNITSCOPE_DATA_DIR ?? ".data/pglite") };
}

export function describeDbConfig(config: DbConfig): string {
  if (config.kind === "pglite") return config.dataDir ? `embedded PGlite at ${config.dataDir}` : "embedded PGlite (in memory)";
  try {
    const u = new URL(config.url);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`; // never print credentials
  } catch {
    return "PostgreSQL";
  }
}
