import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { runRepricing } from "./run-repricing";

/**
 * pricing.reprice: re-prices the events of one repricing_runs row. At-least-once delivery is safe:
 * runRepricing resumes from the run's cursor and a finished run is never repeated. A worker shutting
 * down stops between chunks and the job goes back to the queue.
 */
export const repricingJob = defineJob({
  queue: "pricing.reprice",
  schema: z.object({ runId: z.number().int().positive() }),
  // A re-price resumes from its cursor, so a retry is cheap; give transient failures time to clear.
  retry: { maxAttempts: 5, backoffSeconds: 30 },
  handler: async (db, data, ctx) => {
    await runRepricing(db, data.runId, async (done, total) => {
      ctx.signal.throwIfAborted();
      await ctx.progress(done, total);
    });
  },
});

/** The pricing domain's jobs, composed in lib/boot/jobs.ts. Add a pricing job here. */
export const pricingJobs = [repricingJob];
