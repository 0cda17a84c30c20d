/**
 * Security headers of every response (set by proxy.ts; next.config.js for the paths the proxy skips).
 *
 * Pages get a nonce-based Content-Security-Policy: proxy.ts makes a fresh nonce per request and hands it
 * to Next in the request's CSP header, from which Next stamps it on its own scripts; the root layout
 * stamps it on the theme script. Scripts without the nonce do not run ('strict-dynamic' lets nonced
 * scripts load Next's chunks). Styles allow 'unsafe-inline': recharts and Next position elements with
 * style attributes, which nonces cannot cover (and a nonce in style-src would switch 'unsafe-inline' off).
 * Injected styles cannot run code, so this is the usual trade-off.
 */
export const NONCE_HEADER = "x-unitscope-nonce";

/** CSP of non-HTML answers (API JSON, OTLP): nothing may load from them, nothing may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export type PageCspOptions = { nonce: string; dev: boolean; https: boolean };

export function pageCsp({ nonce, dev, https }: PageCspOptions): string {
  return [
    "default-src 'self'",
    // Next's dev server evaluates modules with eval (React's call-stack reconstruction): dev only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`, // dev: the hot-reload socket
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers every response carries, CSP aside. HSTS only when the app is served over https. */
export function hardeningHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Frame-Options": "DENY", // frame-ancestors for browsers without CSP level 2
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // A year, without includeSubDomains: other hosts under the operator's domain are none of our business.
    ...(https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/** NEXTAUTH_URL (the public URL) says whether browsers reach the app over https. */
export function servedOverHttps(env: Record<string, string | undefined> = process.env): boolean {
  return /^https:\/\//i.test(env.NEXTAUTH_URL?.trim() ?? "");
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * True when a request names an Origin that is not this host (the Origin check Next does for server
 * actions, done earlier so the refusal is a 403 instead of Next's 500). No Origin at all is not
 * cross-origin: browsers always send one on POST, and a hand-made request carries no victim's cookies.
 */
export function isCrossOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  try {
    return origin === "null" || new URL(origin).host !== host;
  } catch {
    return true; // an Origin that is not a URL
  }
}
