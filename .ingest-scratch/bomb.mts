import { gzipSync } from "node:zlib";

import { readBody } from "../lib/ingest/read-body.ts";
await (async () => {
  const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
  const req = new Request("http://x/", { method: "POST", body: bomb, headers: { "content-encoding": "gzip" } });
  try { await readBody(req, { maxBytes: 5 * 1024 * 1024 }); } catch (e) { console.log(e, (e as any).cause); }
})();
