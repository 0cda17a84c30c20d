import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { ApiError } from "@/lib/http/errors";

/**
 * Addresses a channel URL may not point at when UNITSCOPE_ALLOW_PRIVATE_TARGETS is off: loopback,
 * private (RFC 1918, unique-local), link-local (cloud metadata at 169.254.169.254), CGNAT, unspecified.
 */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const)
  PRIVATE.addSubnet(net, bits, "ipv4");
PRIVATE.addAddress("::", "ipv6");
PRIVATE.addAddress("::1", "ipv6");
PRIVATE.addSubnet("fc00::", 7, "ipv6");
PRIVATE.addSubnet("fe80::", 10, "ipv6");

/** Default on: a self-hosted Unitscope usually notifies receivers on its own network. */
export function privateTargetsAllowed(): boolean {
  const v = (process.env.UNITSCOPE_ALLOW_PRIVATE_TARGETS ?? "").trim().toLowerCase();
  return !["0", "off", "false", "no"].includes(v);
}

export function isPrivateAddress(address: string): boolean {
  const mapped = address.toLowerCase().match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return PRIVATE.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 0) return false;
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Refuses (400, naming the field) a URL whose host is, or resolves to, a private address when the
 * operator turned private targets off. Checked on create and patch: a DNS name re-pointed later
 * (rebinding) is not caught — README.md states the trade-off.
 */
export async function assertPublicTarget(url: string, field: string): Promise<void> {
  if (privateTargetsAllowed()) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  const refuse = () => {
    throw new ApiError("invalid_body", `${field}: private or loopback targets are not allowed (UNITSCOPE_ALLOW_PRIVATE_TARGETS is off)`, [
      { path: field, code: "private_target", message: "private or loopback targets are not allowed" },
    ]);
  };
  if (host === "localhost" || host.endsWith(".localhost")) refuse();
  if (isIP(host)) {
    if (isPrivateAddress(host)) refuse();
    return;
  }
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw new ApiError("invalid_body", `${field}: the host '${host}' does not resolve`, [
      { path: field, code: "unresolvable", message: "the host does not resolve" },
    ]);
  }
  if (addresses.some((a) => isPrivateAddress(a.address))) refuse();
}
