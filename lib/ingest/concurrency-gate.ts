import { ApiError } from "@/lib/http/errors";
import { ingestConcurrency } from "./ingest-limits";

/**
 * A small in-process semaphore in front of ingestion. Beyond `slots` requests at once, work only queues
 * in the database pool and every request gets slower; beyond `queue` waiting, the honest answer is 429
 * with Retry-After so well-behaved exporters back off instead of piling up bodies in memory.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly slots: number,
    readonly queue: number,
    readonly waitMs: number,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.slots) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.queue) return Promise.reject(busy());
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(); // the slot is handed over: `active` stays the same
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(busy());
      }, this.waitMs);
      this.waiting.push(grant);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

function busy(): ApiError {
  return new ApiError("rate_limited", "the server is busy ingesting other batches; retry shortly", undefined, { "Retry-After": "1" });
}

const g = globalThis as unknown as { __unitscopeIngestGate?: ConcurrencyGate };

/** The one gate of this process, shared by the REST and OTLP routes (they share the database). */
export function ingestGate(): ConcurrencyGate {
  if (!g.__unitscopeIngestGate) {
    const c = ingestConcurrency();
    g.__unitscopeIngestGate = new ConcurrencyGate(c.slots, c.queue, c.waitMs);
  }
  return g.__unitscopeIngestGate;
}
