import { afterEach, describe, expect, it } from "vitest";
import { alertmanagerSender } from "./alertmanager";
import { alertMessage, resolvedMessage } from "./fixtures/alert-messages";
import { startHttpReceiver } from "./fixtures/http-receiver";

// A real loopback HTTP server plays Alertmanager's API v2.
let receiver: Awaited<ReturnType<typeof startHttpReceiver>> | undefined;
afterEach(() => receiver?.close());

const ctx = (key: string) => ({ idempotencyKey: key, signal: new AbortController().signal });

describe("alertmanagerSender against a loopback Alertmanager", () => {
  it("POSTs /api/v2/alerts under the base path: firing without endsAt, then the same labels with endsAt", async () => {
    receiver = await startHttpReceiver(() => ({ status: 200 }));
    const config = { url: `${receiver.origin}/alertmanager/` };
    expect(await alertmanagerSender.send(config, alertMessage(), ctx("k1"))).toEqual({ ok: true, statusCode: 200 });
    expect(await alertmanagerSender.send(config, resolvedMessage(), ctx("k2"))).toEqual({ ok: true, statusCode: 200 });

    expect(receiver.received.map((r) => `${r.method} ${r.path} ${r.headers["content-type"]}`)).toEqual([
      "POST /alertmanager/api/v2/alerts application/json",
      "POST /alertmanager/api/v2/alerts application/json",
    ]);
    const [firing, resolved] = receiver.received.map((r) => (JSON.parse(r.body) as Record<string, unknown>[])[0]!);
    expect(firing).toEqual({
      labels: {
        alertname: "High error rate",
        severity: "critical",
        unitscope_rule_kind: "monitor",
        unitscope_rule_id: "7",
        workspace: "acme",
        provider: "openai",
      },
      annotations: expect.objectContaining({ value: "0.125", threshold: "0.05" }),
      startsAt: "2026-11-24T10:03:00.000Z",
      generatorURL: "https://unitscope.example.com/acme/alerts/42",
    });
    expect(resolved!.labels).toEqual(firing!.labels);
    expect(resolved!.endsAt).toBe("2026-11-24T10:12:00.000Z");
  });

  it("400 (Alertmanager refused the alert) fails for good; 503 is retried after Retry-After", async () => {
    const replies = [
      { status: 400, body: '{"code":400,"message":"start time must be before end time"}' },
      { status: 503, headers: { "retry-after": "30" } },
    ];
    receiver = await startHttpReceiver((n) => replies[n - 1] ?? { status: 500 });
    const config = { url: receiver.origin };
    expect(await alertmanagerSender.send(config, alertMessage(), ctx("k"))).toMatchObject({ ok: false, permanent: true, statusCode: 400 });
    expect(await alertmanagerSender.send(config, alertMessage(), ctx("k"))).toMatchObject({
      ok: false,
      permanent: false,
      statusCode: 503,
      retryAfterSeconds: 30,
    });
  });
});
