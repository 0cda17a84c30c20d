import { afterEach, describe, expect, it } from "vitest";
import { alertMessage } from "./fixtures/alert-messages";
import { type Reply, startHttpReceiver } from "./fixtures/http-receiver";
import { renderSlack, slackSender } from "./slack";

// A real loopback HTTP server plays Slack's incoming webhook; the sender is the one the outbox calls.
let receiver: Awaited<ReturnType<typeof startHttpReceiver>> | undefined;
afterEach(() => receiver?.close());

const ctx = () => ({ idempotencyKey: "alert:42:firing:1", signal: new AbortController().signal });

async function sendTo(reply: Reply) {
  receiver = await startHttpReceiver(() => reply);
  const config = { url: `${receiver.origin}/services/T000/B000/XXXX` };
  return { config, result: await slackSender.send(config, alertMessage(), ctx()) };
}

describe("slackSender against a loopback receiver", () => {
  it("POSTs the Block Kit JSON to the webhook URL; `ok` is a delivery", async () => {
    const { config, result } = await sendTo({ status: 200, body: "ok" });
    expect(result).toEqual({ ok: true, statusCode: 200 });
    expect(receiver!.received).toHaveLength(1);
    const req = receiver!.received[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/services/T000/B000/XXXX");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req.body)).toEqual(renderSlack(config, alertMessage()));
  });

  it("a 200 with Slack's invalid_payload body fails for good", async () => {
    const { result } = await sendTo({ status: 200, body: "invalid_payload" });
    expect(result).toMatchObject({ ok: false, permanent: true, statusCode: 200, error: "Slack answered HTTP 200: invalid_payload" });
  });

  it("404 no_service (a removed webhook) fails for good", async () => {
    const { result } = await sendTo({ status: 404, body: "no_service" });
    expect(result).toMatchObject({ ok: false, permanent: true, statusCode: 404 });
  });

  it("503 with Retry-After is retried after the receiver's wait", async () => {
    const { result } = await sendTo({ status: 503, body: "busy", headers: { "retry-after": "17" } });
    expect(result).toMatchObject({ ok: false, permanent: false, statusCode: 503, retryAfterSeconds: 17 });
  });

  it("a redirect is not followed and not a delivery", async () => {
    const { result } = await sendTo({ status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } });
    expect(result).toMatchObject({ ok: false, permanent: true, statusCode: 302 });
    expect(receiver!.received).toHaveLength(1);
  });
});
