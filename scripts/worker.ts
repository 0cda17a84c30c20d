// `npm run worker`: runs the job worker (the jobs composed in lib/boot/jobs.ts) as its own process, beside
// the app, against DATABASE_URL. Any number may run; each job runs on one of them at a time. With the
// embedded database the app already runs the worker in-process, and this refuses while the app runs
// (PGlite allows one process per data directory).
import { parseArgs } from "node:util";
import { describeDbConfig, resolveDbConfig } from "@/lib/db/config";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { openDatabase } from "@/lib/db/open-database";
import { jobRegistry } from "@/lib/boot/jobs";
import { startWorker } from "@/lib/jobs/start-worker";

const { values } = parseArgs({
  options: {
    concurrency: { type: "string" },
    queue: { type: "string", multiple: true },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  console.log(`usage: npm run worker -- [--concurrency 2] [--queue <name>]…   (default: every queue with a handler)`);
  process.exit(0);
}

const concurrency = Number(values.concurrency ?? process.env.UNITSCOPE_WORKER_CONCURRENCY ?? 2);
const queues = values.queue;
const unknown = queues?.filter((q) => !jobRegistry.jobs.has(q)) ?? [];
if (!Number.isInteger(concurrency) || concurrency < 1 || unknown.length) {
  console.error(unknown.length ? `unknown queue(s): ${unknown.join(", ")}` : "--concurrency must be an integer ≥ 1");
  process.exit(64);
}

const config = resolveDbConfig();
let db;
try {
  db = await openDatabase(config, "npm run worker");
} catch (err) {
  console.error(
    err instanceof DataDirLockedError ? err.message : `could not open the database: ${err instanceof Error ? err.message : err}`,
  );
  process.exit(err instanceof DataDirLockedError ? 2 : 1);
}

const worker = await startWorker(db, jobRegistry, { concurrency, queues }).catch(async (err: unknown) => {
  console.error(`could not start the worker: ${err instanceof Error ? err.message : err}`);
  await db.close();
  process.exit(1);
});
console.log(`[worker] serving jobs from ${describeDbConfig(config)} (concurrency ${concurrency}); Ctrl-C stops after running jobs finish`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) {
      console.error("[worker] second signal: exiting now; unfinished jobs are taken back by the next worker");
      process.exit(130);
    }
    stopping = true;
    console.log("[worker] stopping: waiting for running jobs…");
    void worker
      .stop()
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error("[worker] error while stopping:", err);
          process.exit(1);
        },
      );
  });
}
