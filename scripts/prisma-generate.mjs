// Runs `prisma generate` offline: the CLI otherwise tries to download the native schema engine,
// which generate does not need (the client is Rust-free, query compiler in WASM).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const bin = "node_modules/prisma/build/index.js";
if (!existsSync(bin)) {
  console.error("prisma CLI not installed; run npm install");
  process.exit(1);
}
const r = spawnSync(process.execPath, [bin, "generate"], {
  stdio: ["ignore", "pipe", "pipe"],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
if (r.status !== 0) {
  process.stderr.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exit(r.status ?? 1);
}
console.log("prisma client generated (lib/db/generated)");
