/**
 * Responses with their Content-Length set. `next start` runs the compression middleware on every
 * response whose length it does not know (threshold 1 KB), so a 60-byte ingest answer was gzipped at
 * ~0.8 ms of CPU per request (a new zlib stream each time). With the length known, small answers go
 * out as they are; large ones (many rejections) are still compressed.
 */
export function sizedResponse(body: Uint8Array<ArrayBuffer>, contentType: string, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", contentType);
  headers.set("content-length", String(body.byteLength));
  return new Response(body, { ...init, headers });
}

export function sizedJsonResponse(data: unknown, init: ResponseInit = {}): Response {
  return sizedResponse(Buffer.from(JSON.stringify(data), "utf8"), "application/json", init);
}
