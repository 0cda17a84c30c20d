import type { JobDefinition } from "./define-job";
import { scheduleRow, type ScheduleRow } from "./schedules";

/** The jobs one process can run: built from the composition's list (lib/boot/jobs.ts), never imported by lib/jobs. */
export type JobRegistry = {
  readonly jobs: ReadonlyMap<string, JobDefinition>;
  readonly schedules: readonly ScheduleRow[];
};

/** Checks the list (one definition per queue, unique schedule names) and indexes it by queue. */
export function createJobRegistry(definitions: readonly JobDefinition[]): JobRegistry {
  const jobs = new Map<string, JobDefinition>();
  const names = new Set<string>();
  const schedules: ScheduleRow[] = [];
  for (const def of definitions) {
    if (jobs.has(def.queue)) throw new RangeError(`job queue '${def.queue}' is defined twice`);
    jobs.set(def.queue, def);
    for (const s of def.schedules) {
      if (names.has(s.name)) throw new RangeError(`job schedule '${s.name}' is defined twice`);
      names.add(s.name);
      schedules.push(scheduleRow(def, s));
    }
  }
  return { jobs, schedules };
}
