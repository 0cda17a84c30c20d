import { defineConfig } from "prisma/config";

// The Prisma 7 CLI does not read .env and env() throws when unset, even for `generate`;
// the URL is only needed by commands that talk to a database, which run where one exists.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unitscope" },
});
