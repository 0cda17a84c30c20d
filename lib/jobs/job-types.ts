export type JobState = "queued" | "active" | "completed" | "failed" | "cancelled";

export type JobContext = {
  jobId: string;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  /**
   * Records progress (e.g. events done of total) and proves the job is alive. Call it per batch, not
   * per row. On PGlite never call it while holding a transaction (one connection: it would wait on
   * itself); call it between transactions.
   */
  progress(done: number, total: number): Promise<void>;
  /**
   * Aborted when the worker stops. Long handlers may check it between batches and throw
   * (`signal.throwIfAborted()`): the job goes back to the queue without using up an attempt.
   */
  signal: AbortSignal;
};

/** The untyped form the runner drives (definitions' handlers are wrapped with their schema's parse). */
export type RawJobHandler = (data: unknown, ctx: JobContext) => Promise<void>;
