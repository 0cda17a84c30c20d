/** @type {import('next').NextConfig} */
const nextConfig = {
  // These packages load WASM or native drivers at run time; bundling them breaks their file lookups.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "bcryptjs", "protobufjs"],
  poweredByHeader: false,
  typedRoutes: false,
  // Security headers for the paths proxy.ts does not run on (static files, and the ingest endpoints whose
  // bodies it must not buffer); proxy.ts sets the same set, with a per-request nonce CSP on pages.
  // Kept in step with lib/http/security-headers.ts. No HSTS here (this list is fixed at build time and
  // NEXTAUTH_URL may change after): HSTS is host-wide, browsers learn it from any page.
  async headers() {
    const headers = [
      { key: "X-Frame-Options", value: "DENY" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
    ];
    return ["/api/v1/events", "/api/v1/events/:path*", "/api/otlp/:path*", "/_next/static/:path*", "/icon.svg", "/favicon.ico"].map(
      (source) => ({ source, headers }),
    );
  },
};

export default nextConfig;
