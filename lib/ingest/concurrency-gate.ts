import { ApiError } from "@/lib/http/errors";
import type { Actor } from "@/lib/auth/actor";
import { ingestConcurrency } from "./ingest-limits";

type KeyLoad = { requests: number; active: number; waiting: number };
type Waiter = { load: KeyLoad; grant: () => void };
export type GateKey = string | number;

/**
 * A small in-process semaphore in front of ingestion. Beyond `slots` requests at once, work only queues
 * in the database pool and every request gets slower; beyond `queue` waiting, the honest answer is 429
 * with Retry-After so well-behaved exporters back off instead of piling up bodies in memory.
 *
 * Fair between API keys: a slot is taken only once the body has arrived (see `admit`), and one key
 * holds at most `perKeySlots` slots, so a client that trickles its bodies or floods with batches slows
 * only itself. Waiters of a key at its share are passed over for the next waiter of another key.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private readonly keys = new Map<GateKey, KeyLoad>();
  /** Requests of one key anywhere in the path (body arriving, waiting, in a slot): its slots plus half the queue. */
  readonly perKeyRequests: number;

  constructor(
    readonly slots: number,
    readonly queue: number,
    readonly waitMs: number,
    // All but one: a busy exporter keeps nearly full throughput, and another key always finds a slot.
    readonly perKeySlots: number = Math.max(1, slots - 1),
  ) {
    this.perKeyRequests = perKeySlots + Math.ceil(queue / 2);
  }

  get inFlight(): number {
    return this.active;
  }

  /**
   * Counts a request of `key` while `fn` runs (it reads the body, then calls `run`): 429 at once when
   * the key already has `perKeyRequests` in flight. This bounds the bodies one key can make the
   * process hold, without a slow body holding anything another key needs.
   */
  async admit<T>(key: GateKey, fn: () => Promise<T>): Promise<T> {
    const load = this.loadOf(key);
    if (load.requests >= this.perKeyRequests) {
      this.forget(key, load);
      throw busy(`this API key already has ${this.perKeyRequests} ingest requests in flight; retry shortly`);
    }
    load.requests++;
    try {
      return await fn();
    } finally {
      load.requests--;
      this.forget(key, load);
    }
  }

  /** Runs `fn` in a slot of `key`'s share; waits up to `waitMs` for one, 429 when the queue is full. */
  async run<T>(key: GateKey, fn: () => Promise<T>): Promise<T> {
    const load = this.loadOf(key);
    try {
      await this.acquire(load);
    } catch (err) {
      this.forget(key, load);
      throw err;
    }
    try {
      return await fn();
    } finally {
      this.release(load);
      this.forget(key, load);
    }
  }

  private loadOf(key: GateKey): KeyLoad {
    let load = this.keys.get(key);
    if (!load) this.keys.set(key, (load = { requests: 0, active: 0, waiting: 0 }));
    return load;
  }

  /** Keys come and go: an idle key's entry is dropped so the map stays as small as the traffic. */
  private forget(key: GateKey, load: KeyLoad): void {
    if (load.requests === 0 && load.active === 0 && load.waiting === 0 && this.keys.get(key) === load) this.keys.delete(key);
  }

  private acquire(load: KeyLoad): Promise<void> {
    if (this.active < this.slots && load.active < this.perKeySlots) {
      this.active++;
      load.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.queue) return Promise.reject(busy());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        load,
        grant: () => {
          clearTimeout(timer);
          load.waiting--;
          resolve(); // the slot is handed over with `active` already counted
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        load.waiting--;
        reject(busy());
      }, this.waitMs);
      load.waiting++;
      this.waiting.push(waiter);
    });
  }

  private release(load: KeyLoad): void {
    this.active--;
    load.active--;
    // The first waiter whose key is below its share gets the slot (FIFO otherwise).
    for (let i = 0; i < this.waiting.length && this.active < this.slots; i++) {
      const w = this.waiting[i]!;
      if (w.load.active >= this.perKeySlots) continue;
      this.waiting.splice(i, 1);
      this.active++;
      w.load.active++;
      w.grant();
      return;
    }
  }
}

function busy(message = "the server is busy ingesting other batches; retry shortly"): ApiError {
  return new ApiError("rate_limited", message, undefined, { "Retry-After": "1" });
}

/** Ingest routes are called with an API key; the key is what is shared fairly. */
export function gateKeyOf(actor: Actor): GateKey {
  return actor.kind === "key" ? actor.keyId : `user:${actor.userId}`;
}

const g = globalThis as unknown as { __unitscopeIngestGate?: ConcurrencyGate };

/** The one gate of this process, shared by the REST and OTLP routes (they share the database). */
export function ingestGate(): ConcurrencyGate {
  if (!g.__unitscopeIngestGate) {
    const c = ingestConcurrency();
    g.__unitscopeIngestGate = new ConcurrencyGate(c.slots, c.queue, c.waitMs, c.perKeySlots);
  }
  return g.__unitscopeIngestGate;
}
