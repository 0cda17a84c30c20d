import "server-only";
import { headers } from "next/headers";

/**
 * The origin users reach this app at, for copyable snippets. Behind a proxy the forwarded headers say
 * what the browser used; NEXTAUTH_URL, when set, is the operator's explicit answer and wins.
 */
export async function requestOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall back to the request
    }
  }
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost:3000";
  const proto =
    h.get("x-forwarded-proto")?.split(",")[0]?.trim() || (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
