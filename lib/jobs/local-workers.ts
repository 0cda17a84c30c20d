import type { Sql } from "@/lib/db/sql";

/**
 * The workers running in this process, per database handle. Two uses:
 * - enqueueJob wakes them, so a job enqueued by the app starts at once instead of at the next poll;
 * - on PGlite only this process can have the database open, so an active job whose worker is not in
 *   this list was left by a process that is gone and can be taken back at once (no heartbeat wait).
 */
type LocalWorker = { id: string; wake(): void };

const workers = new WeakMap<Sql, Map<string, LocalWorker>>();

export function registerLocalWorker(sql: Sql, worker: LocalWorker): () => void {
  let map = workers.get(sql);
  if (!map) workers.set(sql, (map = new Map()));
  map.set(worker.id, worker);
  return () => {
    map.delete(worker.id);
  };
}

export function localWorkerIds(sql: Sql): string[] {
  return [...(workers.get(sql)?.keys() ?? [])];
}

export function wakeLocalWorkers(sql: Sql): void {
  for (const w of workers.get(sql)?.values() ?? []) w.wake();
}
