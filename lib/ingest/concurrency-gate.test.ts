import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { ConcurrencyGate } from "./concurrency-gate";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("ConcurrencyGate", () => {
  it("runs up to `slots` at once, queues up to `queue`, refuses the rest with 429 + Retry-After", async () => {
    const gate = new ConcurrencyGate(2, 1, 10_000);
    const blockers = [deferred(), deferred(), deferred()];
    const running = blockers.map((b) => gate.run(() => b.promise));
    expect(gate.inFlight).toBe(2);
    const refused = await gate.run(async () => "never").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(429);
    expect((refused as ApiError).headers?.["Retry-After"]).toBe("1");
    for (const b of blockers) b.resolve();
    await Promise.all(running);
    expect(gate.inFlight).toBe(0);
    expect(await gate.run(async () => "after")).toBe("after");
  });

  it("gives up waiting after waitMs and frees the slot when a task throws", async () => {
    const gate = new ConcurrencyGate(1, 5, 30);
    const block = deferred();
    const first = gate.run(() => block.promise);
    const waited = await gate.run(async () => "x").catch((e: unknown) => e);
    expect((waited as ApiError).status).toBe(429);
    block.resolve();
    await first;
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(gate.inFlight).toBe(0);
  });
});
