/** Below this, compressing a response costs more than it saves (the compression middleware's own threshold). */
const COMPRESS_THRESHOLD = 1024;

/**
 * Responses for the ingest routes. `next start` gzips every route response (its compression middleware
 * cannot see a length: Next strips Content-Length from route handler responses), so a 60-byte ingest
 * answer cost a fresh zlib stream, ~0.8 ms of CPU per request. Small answers are marked
 * `Cache-Control: no-transform`, which that middleware (and any proxy) honours; large ones (many
 * rejections) are still compressed.
 */
export function sizedResponse(body: Uint8Array<ArrayBuffer>, contentType: string, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", contentType);
  headers.set("content-length", String(body.byteLength));
  if (body.byteLength < COMPRESS_THRESHOLD) headers.set("cache-control", "no-store, no-transform");
  return new Response(body, { ...init, headers });
}

export function sizedJsonResponse(data: unknown, init: ResponseInit = {}): Response {
  return sizedResponse(Buffer.from(JSON.stringify(data), "utf8"), "application/json", init);
}
