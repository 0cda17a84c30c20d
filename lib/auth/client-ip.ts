import net from "node:net";

/**
 * The client IP the sign-in throttle counts against, from the request headers next-auth hands to
 * `authorize` (it has no socket).
 *
 * Trust: `next start` fills `X-Forwarded-For` with the socket's address only when the request has none,
 * so a client talking to the app directly can put any value there. Behind reverse proxies that append
 * the address they saw (nginx `$proxy_add_x_forwarded_for`, most load balancers), set
 * UNITSCOPE_TRUSTED_PROXY_HOPS to their number: the entry that many places from the right is the
 * address the outermost trusted proxy saw, which the client cannot forge. With 0 (default, no proxy)
 * the right-most entry is taken: the socket address for honest clients, but a forgeable value for an
 * attacker — the per-account counter (which needs no IP) still slows guessing one account then.
 * `X-Real-IP` is read only when no `X-Forwarded-For` came at all.
 *
 * IPv6 addresses are reduced to their /64: one host usually holds a whole /64 and could rotate through it.
 */
export function clientIp(headers: Record<string, string | string[] | undefined>, trustedHops = trustedProxyHops()): string {
  const forwarded = first(headers["x-forwarded-for"]);
  const chain = (forwarded ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = chain.length > 0 ? chain[Math.max(0, chain.length - 1 - trustedHops)]! : (first(headers["x-real-ip"])?.trim() ?? "");
  return normalizeIp(picked);
}

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.UNITSCOPE_TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export function normalizeIp(raw: string): string {
  let ip = raw.replace(/^\[|\](:\d+)?$/g, ""); // "[::1]:443" → "::1"
  if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) ip = mapped[1]!;
  if (net.isIPv4(ip)) return ip;
  if (net.isIPv6(ip)) return `${expandIpv6(ip).slice(0, 4).join(":")}::/64`;
  return "unknown"; // no or garbled header: all such attempts share one counter
}

function expandIpv6(ip: string): string[] {
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const h = head ? head.split(":") : [];
  const t = ip.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t];
  return groups.map((g) => (g.includes(".") ? g : g.replace(/^0+(?=.)/, "")));
}
