import type { JobHandler } from "@/lib/jobs/job-types";
import { runRepricing } from "./run-repricing";

/**
 * The "pricing.reprice" queue handler. At-least-once delivery is safe: runRepricing resumes from the
 * run's cursor and a finished run is never repeated. A worker shutting down stops between chunks and
 * the job goes back to the queue.
 */
export const repricingJob: JobHandler<"pricing.reprice"> = async (db, data, ctx) => {
  await runRepricing(db, data.runId, async (done, total) => {
    ctx.signal.throwIfAborted();
    await ctx.progress(done, total);
  });
};
