import { describe, expect, it } from "vitest";
import { clientIp, normalizeIp, trustedProxyHops } from "./client-ip";

describe("client IP for the sign-in throttle", () => {
  it("takes the right-most X-Forwarded-For entry without trusted proxies (what next start sets from the socket)", () => {
    expect(clientIp({ "x-forwarded-for": "203.0.113.9" }, 0)).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }, 0)).toBe("203.0.113.9");
  });

  it("skips the configured number of trusted proxies from the right, so a client cannot forge its address", () => {
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }, 1)).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": "203.0.113.9" }, 3)).toBe("203.0.113.9");
    expect(trustedProxyHops({ UNITSCOPE_TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    expect(trustedProxyHops({ UNITSCOPE_TRUSTED_PROXY_HOPS: "-1" })).toBe(0);
    expect(trustedProxyHops({})).toBe(0);
  });

  it("falls back to X-Real-IP, then to one shared 'unknown' bucket", () => {
    expect(clientIp({ "x-real-ip": "198.51.100.4" }, 0)).toBe("198.51.100.4");
    expect(clientIp({}, 0)).toBe("unknown");
    expect(clientIp({ "x-forwarded-for": "not an ip" }, 0)).toBe("unknown");
  });

  it("counts an IPv6 host by its /64 and unwraps IPv4-mapped addresses", () => {
    expect(normalizeIp("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeIp("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(normalizeIp("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
    expect(normalizeIp("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeIp("192.0.2.1:5555")).toBe("192.0.2.1");
  });
});
