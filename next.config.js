/** @type {import('next').NextConfig} */
const nextConfig = {
  // These packages load WASM or native drivers at run time; bundling them breaks their file lookups.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "bcryptjs", "protobufjs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
