import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import type { Database } from "@/lib/db/client";

type Handler = (req: Request) => Promise<Response>;

/**
 * Serves Next.js route handler functions over real HTTP with node:http, for tests that drive them with
 * real clients (the OpenTelemetry exporters, fetch with streamed bodies) without `next build`.
 * IncomingMessage → Request (body streamed, not buffered) and Response → ServerResponse.
 */
export async function serveRouteHandlers(routes: Record<string, Handler>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
      const handler = routes[url.pathname];
      if (!handler || req.method !== "POST") {
        res.writeHead(404).end();
        return;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
      }
      const request = new Request(url, {
        method: req.method,
        headers,
        body: Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>,
        duplex: "half",
      } as RequestInit);
      const response = await handler(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) Readable.fromWeb(response.body as unknown as NodeWebReadableStream<Uint8Array>).pipe(res);
      else res.end();
    } catch (err) {
      res.writeHead(599).end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Makes lib/db/client.ts getDb() — which every route handler calls — return this database. */
export function useDatabaseForRoutes(db: Database): void {
  (globalThis as unknown as { __unitscopeDb?: Promise<Database> }).__unitscopeDb = Promise.resolve(db);
}
