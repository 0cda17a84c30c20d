import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { readBody, requireContentType } from "./read-body";

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/v1/events", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body delivered in chunks, without Content-Length, as a streaming client sends it. */
function streamed(chunks: Uint8Array[], onPull?: (n: number) => void): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      onPull?.(i);
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else controller.close();
    },
  });
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an ApiError");
}

describe("readBody", () => {
  it("returns plain and gzip bodies byte for byte", async () => {
    const text = JSON.stringify({ events: [{ id: "é" }] });
    expect((await readBody(post(text), { maxBytes: 1000 })).toString()).toBe(text);
    const gz = post(gzipSync(text), { "content-encoding": "gzip" });
    expect((await readBody(gz, { maxBytes: 1000 })).toString()).toBe(text);
  });

  it("refuses a declared oversize body before reading it", async () => {
    const err = await failure(readBody(post("x".repeat(2000), { "content-length": "2000" }), { maxBytes: 1000 }));
    expect(err.status).toBe(413);
  });

  it("stops reading a streamed oversize body as soon as the limit is crossed", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    let pulled = 0;
    const body = streamed(
      Array.from({ length: 160 }, () => chunk),
      (n) => (pulled = n),
    ); // 10 MB
    const err = await failure(readBody(post(body), { maxBytes: 5 * 1024 * 1024 }));
    expect(err.status).toBe(413);
    expect(pulled).toBeLessThan(100); // far from the 160 chunks: the rest was never read
  });

  it("stops a gzip bomb on decompressed size", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024)); // 50 MB of zeros, ~50 KB compressed
    expect(bomb.length).toBeLessThan(100_000);
    const err = await failure(readBody(post(bomb, { "content-encoding": "gzip" }), { maxBytes: 5 * 1024 * 1024 }));
    expect(err.status).toBe(413);
  });

  it("counts NDJSON lines while streaming", async () => {
    const lines = Array.from({ length: 11 }, (_, i) => `{"i":${i}}\n`).join("") + "\n\n";
    expect((await failure(readBody(post(lines), { maxBytes: 10_000, maxLines: 10 }))).status).toBe(413);
    expect((await readBody(post(lines), { maxBytes: 10_000, maxLines: 11 })).toString()).toBe(lines);
  });

  it("answers 400 for corrupt or truncated gzip and for an empty body", async () => {
    const bad = await failure(readBody(post("this is not gzip", { "content-encoding": "gzip" }), { maxBytes: 1000 }));
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/gzip/);
    const whole = gzipSync(JSON.stringify({ events: Array.from({ length: 100 }, (_, i) => ({ i })) }));
    const truncated = await failure(
      readBody(post(whole.subarray(0, whole.length - 20), { "content-encoding": "gzip" }), { maxBytes: 100_000 }),
    );
    expect(truncated.status).toBe(400);
    expect((await failure(readBody(post(""), { maxBytes: 1000 }))).status).toBe(400);
  });

  it("answers 408 when a body stalls past its deadline, plain or gzip, and cancels the stream", async () => {
    let cancelled = 0;
    /** Sends one chunk, then nothing: a client trickling (or stuck) mid-upload. */
    const stalled = (first: Uint8Array) => {
      let sent = false;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (!sent) {
            sent = true;
            controller.enqueue(first);
          }
          return new Promise(() => {}); // never more
        },
        cancel() {
          cancelled++;
        },
      });
    };
    const plain = await failure(readBody(post(stalled(new TextEncoder().encode('{"events":['))), { maxBytes: 1000, timeoutMs: 150 }));
    expect([plain.status, plain.code]).toEqual([408, "request_timeout"]);
    const gz = gzipSync("x".repeat(10_000));
    const zipped = await failure(
      readBody(post(stalled(gz.subarray(0, 20)), { "content-encoding": "gzip" }), { maxBytes: 100_000, timeoutMs: 150 }),
    );
    expect([zipped.status, zipped.code]).toEqual([408, "request_timeout"]);
    expect(cancelled).toBeGreaterThanOrEqual(1);
  });

  it("answers 415 for an unsupported encoding", async () => {
    expect((await failure(readBody(post("x", { "content-encoding": "br" }), { maxBytes: 1000 }))).status).toBe(415);
  });
});

describe("requireContentType", () => {
  const types = { "application/json": "json", "application/x-ndjson": "ndjson" } as const;
  it("maps the media type and ignores parameters and case", () => {
    expect(requireContentType(post("{}", { "content-type": "Application/JSON; charset=utf-8" }), types)).toBe("json");
    expect(requireContentType(post("{}", { "content-type": "application/x-ndjson" }), types)).toBe("ndjson");
  });
  it("refuses anything else with 415", () => {
    for (const t of ["text/plain", "application/xml", ""]) {
      const req = post("{}", t ? { "content-type": t } : {});
      if (!t) req.headers.delete("content-type");
      let status = 0;
      try {
        requireContentType(req, types);
      } catch (err) {
        status = (err as ApiError).status;
      }
      expect(status).toBe(415);
    }
  });
});
