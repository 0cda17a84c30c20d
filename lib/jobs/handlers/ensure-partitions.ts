import { z } from "zod";
import { defineJob } from "../define-job";

/**
 * Keeps monthly usage_events partitions ready 13 months back and 3 ahead. openDatabase does it at start;
 * this daily run covers a process that stays up across a month boundary (events would otherwise land
 * in the default partition).
 */
export const ensurePartitionsJob = defineJob({
  queue: "maintenance.partitions",
  schema: z.object({}),
  retry: { maxAttempts: 5, backoffSeconds: 60 },
  schedules: [{ name: "maintenance.partitions.daily", everySeconds: 86_400, data: {} }],
  handler: async (db, _data, ctx) => {
    await ctx.progress(0, 1);
    await db.sql.query(`SELECT "unitscope_ensure_usage_partitions"(13, 3) AS created`);
    await ctx.progress(1, 1);
  },
});
