import { ensurePartitionsJob } from "./handlers/ensure-partitions";
import { pruneJobsJob } from "./handlers/prune-jobs";
import type { JobRegistry } from "./job-types";
import { repricingJob } from "@/lib/pricing/repricing-job";
import { refreshRollupsJob, sweepRollupsJob } from "@/lib/rollups/rollup-jobs";

/**
 * Queue name → handler. Add your entry here (keep it a plain object literal). A queue without a
 * handler keeps its jobs waiting until a worker that has one runs; workers only claim what they can run.
 */
export const registry: JobRegistry = {
  "pricing.reprice": repricingJob,
  "maintenance.partitions": ensurePartitionsJob,
  "maintenance.prune-jobs": pruneJobsJob,
  "rollups.refresh": refreshRollupsJob,
  "rollups.sweep": sweepRollupsJob,
};
