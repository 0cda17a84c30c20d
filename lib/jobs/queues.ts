import { z } from "zod";

/**
 * Every queue the app knows, with the zod schema of its payload. Add your queue here (one line), its
 * handler in registry.ts and, when the defaults do not fit, its retry policy in queuePolicies below.
 * Payloads are validated when enqueued and again when run (a deploy may change a schema in between).
 */
export const queueSchemas = {
  /** Re-prices the events of one repricing_runs row (lib/pricing). */
  "pricing.reprice": z.object({ runId: z.number().int().positive() }),
  /** Creates the monthly usage_events partitions around today; scheduled daily (schedules.ts). */
  "maintenance.partitions": z.object({}),
  /** Deletes finished jobs past their retention; scheduled daily. */
  "maintenance.prune-jobs": z.object({}),
  /** Recomputes one workspace's dirty rollup buckets (lib/rollups); enqueued by noteEventsChanged. */
  "rollups.refresh": z.object({ workspaceId: z.number().int().positive() }),
  /** Enqueues rollups.refresh for workspaces with dirty buckets left over; scheduled every 30 s. */
  "rollups.sweep": z.object({}),
} satisfies Record<string, z.ZodType>;

export type QueueName = keyof typeof queueSchemas;
/** What enqueueJob accepts for a queue. */
export type JobData<Q extends QueueName> = z.input<(typeof queueSchemas)[Q]>;
/** What the queue's handler receives (after parsing: defaults applied). */
export type JobPayload<Q extends QueueName> = z.infer<(typeof queueSchemas)[Q]>;

export const queueNames = Object.keys(queueSchemas) as QueueName[];

export function isQueueName(name: string): name is QueueName {
  return Object.hasOwn(queueSchemas, name);
}

export type QueuePolicy = {
  /** Runs before the job fails for good (1 = no retry). */
  maxAttempts: number;
  /** First retry delay; doubles per attempt, capped at MAX_BACKOFF_SECONDS (retry-policy.ts). */
  backoffSeconds: number;
};

export const DEFAULT_QUEUE_POLICY: QueuePolicy = { maxAttempts: 3, backoffSeconds: 5 };

export const queuePolicies: { [Q in QueueName]?: Partial<QueuePolicy> } = {
  // A re-price resumes from its cursor, so a retry is cheap; give transient failures time to clear.
  "pricing.reprice": { maxAttempts: 5, backoffSeconds: 30 },
  "maintenance.partitions": { maxAttempts: 5, backoffSeconds: 60 },
  "maintenance.prune-jobs": { maxAttempts: 2, backoffSeconds: 60 },
  // Idempotent and cheap to retry; the sweep re-enqueues anything a failed run left behind.
  "rollups.refresh": { maxAttempts: 5, backoffSeconds: 2 },
  "rollups.sweep": { maxAttempts: 1, backoffSeconds: 0 },
};

export function queuePolicy(queue: QueueName): QueuePolicy {
  return { ...DEFAULT_QUEUE_POLICY, ...queuePolicies[queue] };
}
