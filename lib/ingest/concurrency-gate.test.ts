import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { ConcurrencyGate } from "./concurrency-gate";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("ConcurrencyGate", () => {
  it("runs up to `slots` at once, queues up to `queue`, refuses the rest with 429 + Retry-After", async () => {
    const gate = new ConcurrencyGate(2, 1, 10_000, 2);
    const blockers = [deferred(), deferred(), deferred()];
    const running = blockers.map((b) => gate.run("a", () => b.promise));
    expect(gate.inFlight).toBe(2);
    const refused = await gate.run("b", async () => "never").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(429);
    expect((refused as ApiError).headers?.["Retry-After"]).toBe("1");
    for (const b of blockers) b.resolve();
    await Promise.all(running);
    expect(gate.inFlight).toBe(0);
    expect(await gate.run("a", async () => "after")).toBe("after");
  });

  it("gives up waiting after waitMs and frees the slot when a task throws", async () => {
    const gate = new ConcurrencyGate(1, 5, 30);
    const block = deferred();
    const first = gate.run("a", () => block.promise);
    const waited = await gate.run("b", async () => "x").catch((e: unknown) => e);
    expect((waited as ApiError).status).toBe(429);
    block.resolve();
    await first;
    await expect(gate.run("a", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(gate.inFlight).toBe(0);
  });

  it("lets one key hold at most its share of the slots: another key gets a free slot at once", async () => {
    const gate = new ConcurrencyGate(4, 16, 10_000); // default share: all slots but one
    expect(gate.perKeySlots).toBe(3);
    const a = [deferred(), deferred(), deferred(), deferred()];
    const order: string[] = [];
    const runningA = a.map((b, i) => gate.run("a", () => b.promise.then(() => order.push(`a${i}`))));
    expect(gate.inFlight).toBe(3); // the fourth of key a waits although a slot is free
    expect(await gate.run("b", async () => "b ran")).toBe("b ran");
    a[0]!.resolve();
    await tick();
    expect(gate.inFlight).toBe(3); // a's waiter took the slot a0 gave back
    a[1]!.resolve();
    a[2]!.resolve();
    a[3]!.resolve();
    await Promise.all(runningA);
    expect(order).toEqual(["a0", "a1", "a2", "a3"]);
    expect(gate.inFlight).toBe(0);
  });

  it("hands a freed slot to the first waiter whose key is below its share", async () => {
    const gate = new ConcurrencyGate(2, 4, 10_000, 1);
    const [a1, b1, a2, b2] = [deferred(), deferred(), deferred(), deferred()];
    const started: string[] = [];
    const run = (key: string, name: string, d: ReturnType<typeof deferred>) =>
      gate.run(key, async () => {
        started.push(name);
        await d.promise;
      });
    const all = [run("a", "a1", a1), run("b", "b1", b1), run("a", "a2", a2), run("b", "b2", b2)];
    await tick();
    expect(started).toEqual(["a1", "b1"]);
    b1.resolve(); // a2 waits first, but key a still holds its one slot: b2 goes ahead
    await tick();
    expect(started).toEqual(["a1", "b1", "b2"]);
    a1.resolve();
    await tick();
    expect(started).toEqual(["a1", "b1", "b2", "a2"]);
    a2.resolve();
    b2.resolve();
    await Promise.all(all);
    expect(gate.inFlight).toBe(0);
  });

  it("admits a key's requests up to its slots plus half the queue, refusing more of that key at once", async () => {
    const gate = new ConcurrencyGate(4, 16, 10_000);
    expect(gate.perKeyRequests).toBe(11);
    const hold = deferred();
    const held = Array.from({ length: 11 }, () => gate.admit("a", () => hold.promise));
    const refused = await gate.admit("a", async () => "never").catch((e: unknown) => e);
    expect((refused as ApiError).status).toBe(429);
    expect((refused as ApiError).message).toMatch(/this API key already has 11 ingest requests in flight/);
    expect(await gate.admit("b", async () => "b admitted")).toBe("b admitted");
    hold.resolve();
    await Promise.all(held);
    expect(await gate.admit("a", async () => "a again")).toBe("a again");
  });
});
