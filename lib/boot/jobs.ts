import { maintenanceJobs } from "@/lib/jobs/handlers/maintenance-jobs";
import { createJobRegistry } from "@/lib/jobs/job-registry";
import type { Deliverer } from "@/lib/outbox/define-deliverer";
import { outboxJobs } from "@/lib/outbox/outbox-jobs";
import { pricingJobs } from "@/lib/pricing/repricing-job";
import { rollupJobs } from "@/lib/rollups/rollup-jobs";

/**
 * THE composition of background work: each domain's list of jobs and outbox deliverers, declared next
 * to its code. A job added to a domain's list needs no edit here; a new domain adds one line. lib/jobs
 * and lib/outbox import no domain: this file (outside them) is the only place that knows them all.
 */
export const deliverers: Deliverer[] = [
  // Wave 2: e.g. ...alertDeliverers (webhook, e-mail) from lib/alerts.
];

export const jobRegistry = createJobRegistry([...maintenanceJobs, ...pricingJobs, ...rollupJobs, ...outboxJobs(deliverers)]);
