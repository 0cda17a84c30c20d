import { afterEach, describe, expect, it } from "vitest";
import { assertPublicTarget, isPrivateAddress } from "../private-targets";
import { signedHeaders, webhookBody } from "./webhook";

const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: `{"test": 2432232314}`,
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("the webhook channel's Standard Webhooks headers", () => {
  it("match the specification's test vector", () => {
    const h = signedHeaders({ url: "https://x.test", secret: VECTOR.secret }, VECTOR.id, VECTOR.body, new Date(VECTOR.timestamp * 1000));
    expect(h).toEqual({ "webhook-id": VECTOR.id, "webhook-timestamp": String(VECTOR.timestamp), "webhook-signature": VECTOR.signature });
  });

  it("sign with the previous secret too during the rotation's grace period, and only then", () => {
    const at = new Date(VECTOR.timestamp * 1000);
    const rotating = { url: "https://x.test", secret: "whsec_bmV3LXNlY3JldC1ieXRlcy0xMjM0", previousSecret: VECTOR.secret };
    const during = signedHeaders(
      { ...rotating, previousSecretUntil: new Date(at.getTime() + 1000).toISOString() },
      VECTOR.id,
      VECTOR.body,
      at,
    );
    const sigs = during["webhook-signature"]!.split(" ");
    expect(sigs).toHaveLength(2);
    expect(sigs[1]).toBe(VECTOR.signature);
    const after = signedHeaders({ ...rotating, previousSecretUntil: new Date(at.getTime()).toISOString() }, VECTOR.id, VECTOR.body, at);
    expect(after["webhook-signature"]!.split(" ")).toEqual([sigs[0]]);
  });

  it("send {type, timestamp, data}", () => {
    const body = JSON.parse(
      webhookBody({
        type: "alert.resolved",
        occurredAt: "2026-11-24T10:00:00.000Z",
        workspace: { slug: "w", name: "W" },
        alert: {} as never,
      }),
    );
    expect(Object.keys(body)).toEqual(["type", "timestamp", "data"]);
    expect(body).toMatchObject({ type: "alert.resolved", timestamp: "2026-11-24T10:00:00.000Z", data: { workspace: { slug: "w" } } });
  });
});

describe("private targets (UNITSCOPE_ALLOW_PRIVATE_TARGETS)", () => {
  afterEach(() => {
    delete process.env.UNITSCOPE_ALLOW_PRIVATE_TARGETS;
  });

  it("classifies loopback, private, link-local and mapped addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "0.0.0.0",
    ])
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    for (const a of ["8.8.8.8", "172.32.0.1", "2606:4700::1111"]) expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });

  it("allows them by default and refuses them with a 400 naming the field when off", async () => {
    await expect(assertPublicTarget("http://127.0.0.1:9/hook", "config.url")).resolves.toBeUndefined();
    process.env.UNITSCOPE_ALLOW_PRIVATE_TARGETS = "off";
    for (const url of ["http://127.0.0.1:9/hook", "http://localhost/x", "http://[::1]/x", "http://169.254.169.254/latest"]) {
      await expect(assertPublicTarget(url, "config.url")).rejects.toMatchObject({
        status: 400,
        message: expect.stringMatching(/^config.url: private/),
      });
    }
    await expect(assertPublicTarget("http://93.184.215.14/x", "config.url")).resolves.toBeUndefined();
  });
});
