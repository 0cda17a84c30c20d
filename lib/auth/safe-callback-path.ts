/**
 * Where to go after signing in. Only paths on this site are accepted: a callback of
 * "https://evil.example" or "//evil.example" would turn the login page into an open redirect.
 * next-auth itself sends absolute callback URLs, so one on our own origin is reduced to its path.
 */
export function safeCallbackPath(raw: unknown, origin?: string, fallback = "/overview"): string {
  if (typeof raw !== "string") return fallback;
  let path = raw;
  if (origin && /^https?:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      if (url.origin !== new URL(origin).origin) return fallback;
      path = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      return fallback;
    }
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  if (path.startsWith("/login") || path.startsWith("/api/")) return fallback;
  return path;
}
