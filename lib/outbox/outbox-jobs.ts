import { defineJob, type JobDefinition } from "@/lib/jobs/define-job";
import { enqueueJobWith } from "@/lib/jobs/enqueue-job";
import type { Deliverer } from "./define-deliverer";
import { dispatchOutbox, type DispatchOptions } from "./dispatch-outbox";
import { outboxDispatchQueue, RETRY_SINGLETON_KEY } from "./outbox-queue";

/** The safety net: due messages are looked for this often even if no dispatch job was enqueued. */
const SWEEP_SECONDS = 30;

/**
 * The outbox's job, bound to the composed deliverers (lib/boot/jobs.ts). A run delivers everything due,
 * then, if retries are pending, enqueues the next run for when the first falls due (≤ the sweep).
 */
export function outboxJobs(deliverers: readonly Deliverer[], opts: Pick<DispatchOptions, "leaseSeconds" | "batch"> = {}): JobDefinition[] {
  const kinds = new Set<string>();
  for (const d of deliverers) {
    if (kinds.has(d.kind)) throw new RangeError(`outbox kind '${d.kind}' has two deliverers`);
    kinds.add(d.kind);
  }
  return [
    defineJob({
      ...outboxDispatchQueue,
      schedules: [{ name: "outbox.dispatch.sweep", everySeconds: SWEEP_SECONDS, data: {} }],
      handler: async (db, _data, ctx) => {
        const report = await dispatchOutbox(db, deliverers, { ...opts, signal: ctx.signal });
        if (report.nextDueInSeconds !== null && report.nextDueInSeconds < SWEEP_SECONDS) {
          await enqueueJobWith(
            db.sql,
            outboxDispatchQueue,
            {},
            {
              singletonKey: RETRY_SINGLETON_KEY,
              startAfterSeconds: report.nextDueInSeconds,
            },
          );
        }
      },
    }),
  ];
}
