import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./post-json";
import { retryDelaySeconds } from "./dispatch-outbox";
import { signWebhook, verifyWebhook } from "./standard-webhooks";

describe("Standard Webhooks signatures", () => {
  it("match the specification's test vector", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const sig = signWebhook(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, `{"test": 2432232314}`);
    expect(sig).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    expect(verifyWebhook(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, `{"test": 2432232314}`, `v1,other ${sig}`)).toBe(true);
    expect(verifyWebhook(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331, `{"test": 2432232314}`, sig)).toBe(false);
  });
});

describe("retry timing", () => {
  it("backs off exponentially up to an hour, and Retry-After (seconds or HTTP date) wins when given", () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, 5))).toEqual([5, 10, 20, 40]);
    expect(retryDelaySeconds(20, 5)).toBe(3600);
    expect(retryDelaySeconds(1, 5, 120)).toBe(120);
    expect(retryDelaySeconds(1, 5, 10 ** 9)).toBe(86_400);
    expect(parseRetryAfter("7")).toBe(7);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", Date.parse("2015-10-21T07:28:00Z"))).toBe(30);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
