// `npm run rollups:rebuild -- --workspace <slug> [--from <ISO date-time>] [--to <ISO date-time>]`:
// recomputes the workspace's rollups from raw events (all of them by default) with the same code the
// worker runs, then exits. With the embedded database it refuses while the app runs (one process only).
import { parseArgs } from "node:util";
import { resolveDbConfig } from "@/lib/db/config";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { openDatabase } from "@/lib/db/open-database";
import { rebuildRollups } from "@/lib/rollups/rebuild-rollups";

const USAGE = "usage: npm run rollups:rebuild -- --workspace <slug> [--from 2026-11-01T00:00:00Z] [--to 2026-11-08T00:00:00Z]";

function parseDate(name: string, v: string | undefined): Date | undefined {
  if (v === undefined) return undefined;
  const d = new Date(v);
  if (!Number.isFinite(d.getTime())) throw new UsageError(`--${name} is not a date-time: ${v}`);
  return d;
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { workspace: { type: "string" }, from: { type: "string" }, to: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.workspace) throw new UsageError("--workspace <slug> is required");
  const from = parseDate("from", values.from);
  const to = parseDate("to", values.to);
  if (from && to && from >= to) throw new UsageError("--from must be before --to");
  const db = await openDatabase(resolveDbConfig(), "npm run rollups:rebuild");
  try {
    const ws = await db.prisma.workspace.findUnique({ where: { slug: values.workspace }, select: { id: true } });
    if (!ws) throw new UsageError(`no workspace '${values.workspace}'`);
    const started = Date.now();
    let last = started;
    const done = { hour: 0, day: 0, week: 0, month: 0 };
    const result = await rebuildRollups(db.sql, ws.id, {
      from,
      to,
      onStep: (grain, n) => {
        done[grain] += n;
        if (Date.now() - last > 2_000) {
          last = Date.now();
          console.log(`  … ${done.hour} hours, ${done.day} days, ${done.week} weeks, ${done.month} months recomputed`);
        }
      },
    });
    if (!result.from || !result.to) {
      console.log(`workspace '${values.workspace}' has no events and no rollups: nothing to rebuild`);
    } else {
      const b = result.buckets;
      console.log(
        `rebuilt rollups of '${values.workspace}' over ${result.from.toISOString()} – ${result.to.toISOString()}: ` +
          `${b.hour} hours, ${b.day} days, ${b.week} weeks, ${b.month} months in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError) console.error(`${err.message}\n${USAGE}`);
    else if (err instanceof DataDirLockedError) console.error(err.message);
    else console.error(`rollups rebuild failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(err instanceof UsageError ? 64 : err instanceof DataDirLockedError ? 2 : 1);
  },
);
