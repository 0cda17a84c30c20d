import { z } from "zod";
import type { JobTarget } from "@/lib/jobs/enqueue-job";

/**
 * The dispatch job's queue, without its handler (outbox-jobs.ts binds that to the composed deliverers):
 * addToOutbox enqueues it in the caller's transaction.
 */
export const outboxDispatchQueue = {
  queue: "outbox.dispatch",
  schema: z.object({}),
  // A dispatch run that fails (database trouble) is simply retried; messages keep their own attempts.
  retry: { maxAttempts: 3, backoffSeconds: 1 },
} satisfies JobTarget<z.ZodObject>;

/** At most one dispatch job waits at a time: a burst of messages costs one run. */
export const DISPATCH_SINGLETON_KEY = "outbox";

/**
 * The run that comes back for pending retries waits under its own key: were it under the one above, a
 * new message would be deduplicated into it and wait for that retry's time.
 */
export const RETRY_SINGLETON_KEY = "outbox:retry";
