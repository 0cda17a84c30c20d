import { alertJobs } from "@/lib/alerts/alert-jobs";
import { getDb } from "@/lib/db/client";
import { maintenanceJobs } from "@/lib/jobs/handlers/maintenance-jobs";
import { createJobRegistry } from "@/lib/jobs/job-registry";
import type { Deliverer } from "@/lib/outbox/define-deliverer";
import { notificationDeliverers } from "@/lib/notifications/notification-deliverers";
import { outboxJobs } from "@/lib/outbox/outbox-jobs";
import { pricingJobs } from "@/lib/pricing/repricing-job";
import { rollupJobs } from "@/lib/rollups/rollup-jobs";

/**
 * THE composition of background work: each domain's list of jobs and outbox deliverers, declared next
 * to its code. A job added to a domain's list needs no edit here; a new domain adds one line. lib/jobs
 * and lib/outbox import no domain: this file (outside them) is the only place that knows them all.
 */
export const deliverers: Deliverer[] = [
  // One per channel type of lib/notifications/channel-types.ts (`notifications.<type>`).
  ...notificationDeliverers(getDb),
];

export const jobRegistry = createJobRegistry([...maintenanceJobs, ...pricingJobs, ...rollupJobs, ...alertJobs, ...outboxJobs(deliverers)]);
