import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path-header";
import { API_CSP, NONCE_HEADER, hardeningHeaders, isCrossOrigin, newNonce, pageCsp, servedOverHttps } from "@/lib/http/security-headers";

/**
 * Runs before every page and API route except the ingest endpoints (see `config`). No auth decision is
 * made here; every page and route still authorises on the server. It:
 * - sets the security headers (lib/http/security-headers.ts): a nonce-based CSP on pages, a deny-all
 *   one on API answers, framing refused, nosniff, referrer policy, HSTS when served over https;
 * - refuses a POST to a page (a server action, by fetch or by form) from another origin with 403.
 *   Next refuses those too, but by throwing: a 500 that reads like a crash in logs and monitoring;
 * - hands the requested path to server components, which otherwise cannot see it: a signed-out visitor
 *   of a shared link (`/spend?range=7d&provider=openai`) is sent to sign in with it as callbackUrl.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  const https = servedOverHttps();
  if (!api && request.method === "POST" && isCrossOrigin(request.headers)) {
    console.warn(`[security] refused a cross-origin POST to ${pathname} (Origin: ${(request.headers.get("origin") ?? "").slice(0, 100)})`);
    return withHeaders(new NextResponse("Cross-origin request refused.", { status: 403 }), API_CSP, https);
  }
  if (api) return withHeaders(NextResponse.next(), API_CSP, https);

  const nonce = newNonce();
  const csp = pageCsp({ nonce, dev: process.env.NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  headers.set(NONCE_HEADER, nonce);
  headers.set("content-security-policy", csp); // Next reads the nonce for its own scripts from here
  return withHeaders(NextResponse.next({ request: { headers } }), csp, https);
}

function withHeaders(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(hardeningHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but static files and the ingest endpoints: a proxy buffers request bodies (up to 10 MB)
  // before the route sees them, which would defeat ingest's streaming size and time limits. Those
  // paths get their headers from next.config.js.
  matcher: ["/((?!_next/static/|_next/image|icon\\.svg|favicon\\.ico|api/v1/events(?:/|$)|api/otlp/).*)"],
};
