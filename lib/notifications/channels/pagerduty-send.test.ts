import { afterEach, describe, expect, it } from "vitest";
import { alertMessage, resolvedMessage } from "./fixtures/alert-messages";
import { startHttpReceiver } from "./fixtures/http-receiver";
import { pagerDutySender } from "./pagerduty";

// A real loopback HTTP server plays PagerDuty's Events API v2 (the `url` option exists for proxies, and for this).
let receiver: Awaited<ReturnType<typeof startHttpReceiver>> | undefined;
afterEach(() => receiver?.close());

const ctx = (key: string) => ({ idempotencyKey: key, signal: new AbortController().signal });
const accepted = { status: 202, body: '{"status":"success","message":"Event processed","dedup_key":"monitor:7:provider=openai"}' };

describe("pagerDutySender against a loopback Events API", () => {
  it("triggers, then resolves the same incident with the same dedup_key", async () => {
    receiver = await startHttpReceiver(() => accepted);
    const config = { routingKey: "R0UT1NGKEY", url: `${receiver.origin}/v2/enqueue` };
    expect(await pagerDutySender.send(config, alertMessage(), ctx("alert:42:firing:1"))).toEqual({ ok: true, statusCode: 202 });
    expect(await pagerDutySender.send(config, resolvedMessage(), ctx("alert:42:resolved:2"))).toEqual({ ok: true, statusCode: 202 });

    const [trigger, resolve] = receiver.received.map((r) => ({ ...r, json: JSON.parse(r.body) as Record<string, unknown> }));
    expect(receiver.received.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v2/enqueue", "POST /v2/enqueue"]);
    expect(trigger!.json).toMatchObject({
      routing_key: "R0UT1NGKEY",
      event_action: "trigger",
      dedup_key: "monitor:7:provider=openai",
      payload: { severity: "critical", source: "unitscope/acme", summary: expect.stringContaining("[FIRING] High error rate") },
    });
    expect(resolve!.json).toEqual({ routing_key: "R0UT1NGKEY", event_action: "resolve", dedup_key: trigger!.json.dedup_key });
  });

  it("400 (an invalid event) fails for good; 429 and 503 are retried, honouring Retry-After", async () => {
    const replies = [
      { status: 400, body: '{"status":"invalid event","message":"Event object is invalid"}' },
      { status: 429, body: "", headers: { "retry-after": "5" } },
      { status: 503, body: "unavailable", headers: { "retry-after": "120" } },
    ];
    receiver = await startHttpReceiver((n) => replies[n - 1] ?? { status: 500 });
    const config = { routingKey: "R0UT1NGKEY", url: `${receiver.origin}/v2/enqueue` };
    expect(await pagerDutySender.send(config, alertMessage(), ctx("k1"))).toMatchObject({
      ok: false,
      permanent: true,
      statusCode: 400,
      error: expect.stringContaining("Event object is invalid"),
    });
    expect(await pagerDutySender.send(config, alertMessage(), ctx("k1"))).toMatchObject({
      ok: false,
      permanent: false,
      retryAfterSeconds: 5,
    });
    expect(await pagerDutySender.send(config, alertMessage(), ctx("k1"))).toMatchObject({
      ok: false,
      permanent: false,
      statusCode: 503,
      retryAfterSeconds: 120,
    });
  });

  it("a refused connection is a retryable failure that names the cause", async () => {
    receiver = await startHttpReceiver(() => accepted);
    const url = `${receiver.origin}/v2/enqueue`;
    await receiver.close();
    receiver = undefined;
    const result = await pagerDutySender.send({ routingKey: "R", url }, alertMessage(), ctx("k"));
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("ECONNREFUSED") });
    expect(result).not.toHaveProperty("permanent");
  });

  it("stops when the caller's signal aborts (the outbox's timeout or shutdown)", async () => {
    const stop = new AbortController();
    receiver = await startHttpReceiver(() => {
      stop.abort(new Error("worker stopping"));
      return "hang";
    });
    const config = { routingKey: "R", url: `${receiver.origin}/v2/enqueue` };
    await expect(pagerDutySender.send(config, alertMessage(), { idempotencyKey: "k", signal: stop.signal })).rejects.toThrow(
      "worker stopping",
    );
  });
});
