import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Modules marked `import "server-only"` are imported by route tests; outside Next's react-server
  // build the package throws by design, so tests get its empty module.
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

// Two tiers run by vitest: pure unit tests, and db tests against a real Postgres (DATABASE_URL) or a
// throw-away in-memory PGlite. The e2e tier is Playwright's (e2e/*.spec.ts).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          // Some pure tests sweep the whole price catalog (15k cases); a busy 2-core CI box needs headroom.
          testTimeout: 30_000,
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: ["**/*.db.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files share one Postgres database (unique ids per test); PGlite runs are in memory per file.
          fileParallelism: true,
          env: { UNITSCOPE_BCRYPT_COST: "4" },
        },
      },
    ],
  },
});
