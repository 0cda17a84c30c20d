import type { Database } from "@/lib/db/client";
import { getJob, type JobStatus } from "./job-status";
import type { JobState } from "./job-types";

/**
 * Polls a job until it reaches one of `states` (default: finished) and returns it; throws with the
 * job's last status on timeout. For scripts and tests that hand work to the worker and wait for it.
 */
export async function waitForJob(
  db: Database,
  id: string,
  opts: { states?: readonly JobState[]; timeoutMs?: number; intervalMs?: number } = {},
): Promise<JobStatus> {
  const states = opts.states ?? ["completed", "failed", "cancelled"];
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  for (;;) {
    const job = await getJob(db, id);
    if (job && states.includes(job.state)) return job;
    if (Date.now() > deadline) {
      throw new Error(
        `job ${id} did not reach ${states.join("|")} in time; last seen: ${job ? `${job.state} after ${job.attempts} attempt(s)` : "missing"}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, opts.intervalMs ?? 50));
  }
}
