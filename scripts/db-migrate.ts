// `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database, then exits.
import { describeDbConfig, resolveDbConfig } from "@/lib/db/config";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { openDatabase } from "@/lib/db/open-database";

const config = resolveDbConfig();
try {
  const db = await openDatabase(config, "npm run db:migrate");
  const { applied, alreadyApplied } = db.migrations;
  console.log(
    `${describeDbConfig(config)}: ${applied.length ? `applied ${applied.join(", ")}` : "nothing to apply"} (${alreadyApplied} already applied)`,
  );
  await db.close();
} catch (err) {
  console.error(err instanceof DataDirLockedError ? err.message : `migration failed: ${err instanceof Error ? err.message : err}`);
  process.exit(err instanceof DataDirLockedError ? 2 : 1);
}
