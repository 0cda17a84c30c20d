import { ensurePartitionsJob } from "./ensure-partitions";
import { pruneJobsJob } from "./prune-jobs";

/** The engine's own upkeep jobs (no domain code): composed with the domains' jobs in lib/boot/jobs.ts. */
export const maintenanceJobs = [ensurePartitionsJob, pruneJobsJob];
