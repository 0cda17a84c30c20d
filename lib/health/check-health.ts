import type { DbConfig } from "@/lib/db/config";
import type { Database } from "@/lib/db/open-database";
import pkg from "@/package.json";

export type HealthReport = {
  status: "ok" | "degraded";
  database: { reachable: boolean; kind: DbConfig["kind"]; latencyMs: number | null };
  version: string;
};

/** A probe that hangs (a black-holed Postgres) must not hang the load balancer's health check. */
const PROBE_TIMEOUT_MS = 3_000;

/**
 * Opens (or reuses) the database and runs one trivial query. Only the database kind is reported:
 * never the URL, host or error text, which could carry credentials or internals to an anonymous caller.
 */
export async function checkHealth(
  open: () => Promise<Database>,
  kind: DbConfig["kind"],
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<HealthReport> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const reachable = await Promise.race([
    (async () => {
      const db = await open();
      await db.sql.query("SELECT 1 AS ok");
      return true;
    })(),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    }),
  ])
    .catch((err: unknown) => {
      console.error("[health] database probe failed:", err instanceof Error ? err.message : err);
      return false;
    })
    .finally(() => clearTimeout(timer));
  return {
    status: reachable ? "ok" : "degraded",
    database: { reachable, kind, latencyMs: reachable ? Math.round((performance.now() - started) * 10) / 10 : null },
    version: pkg.version,
  };
}
