import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import zlib from "node:zlib";
import { ApiError } from "@/lib/http/errors";
import { bodyTimeoutMs } from "./ingest-limits";

/** The media type of the request (lower case, parameters dropped), mapped through `accepted`; else 415. */
export function requireContentType<K extends string>(req: Request, accepted: Record<string, K>): K {
  const raw = req.headers.get("content-type");
  const media = raw?.split(";")[0]?.trim().toLowerCase() ?? "";
  const kind = accepted[media];
  if (kind === undefined) {
    throw new ApiError(
      "unsupported_media_type",
      `${media ? `content type '${media}' is not supported` : "the Content-Type header is missing"}; send ${Object.keys(accepted).join(" or ")}`,
    );
  }
  return kind;
}

function encodingOf(req: Request): "gzip" | "identity" {
  const raw = (req.headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (raw === "" || raw === "identity") return "identity";
  if (raw === "gzip" || raw === "x-gzip") return "gzip";
  throw new ApiError("unsupported_media_type", `content encoding '${raw}' is not supported; send gzip or an uncompressed body`);
}

export type ReadLimits = {
  /** Decompressed bytes; exceeding it → 413 while reading, so at most this much is ever held. */
  maxBytes: number;
  /** For line-delimited bodies: non-empty lines allowed; exceeding it → 413 while reading. */
  maxLines?: number;
  /** An empty protobuf message is zero bytes: OTLP receivers must accept it. */
  allowEmpty?: boolean;
  /** The whole body must have arrived by then (default bodyTimeoutMs()); later → 408. */
  timeoutMs?: number;
};

class LimitExceeded extends Error {}

/**
 * Reads the request body as bytes, un-gzipping on the fly, and enforces the limits as the bytes arrive:
 * a 10 MB body (or a gzip bomb) is refused after 5 MB of output without buffering the rest.
 */
export async function readBody(req: Request, limits: ReadLimits): Promise<Buffer> {
  const encoding = encodingOf(req);
  const declared = Number(req.headers.get("content-length") ?? NaN);
  // Compressed input can be a little larger than its output (incompressible data): allow some slack.
  const slack = encoding === "gzip" ? 64 * 1024 : 0;
  if (Number.isFinite(declared) && declared > limits.maxBytes + slack) {
    throw tooLarge(limits.maxBytes);
  }
  if (!req.body) {
    if (limits.allowEmpty) return Buffer.alloc(0);
    throw new ApiError("invalid_body", "the request body is empty");
  }

  const chunks: Buffer[] = [];
  let total = 0;
  let lines = 0;
  let lineHasContent = false;
  // Kept aside: when the sink throws, pipeline() may reject with the AbortError of the torn-down gunzip instead.
  let exceeded: LimitExceeded | undefined;
  const take = (chunk: Buffer) => {
    total += chunk.length;
    if (total > limits.maxBytes) throw (exceeded = new LimitExceeded(tooLarge(limits.maxBytes).message));
    if (limits.maxLines !== undefined) {
      // Count non-empty lines as they stream so a 5,001-line body is refused before it is parsed.
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (b === 0x0a) {
          if (lineHasContent) lines++;
          lineHasContent = false;
        } else if (b !== 0x20 && b !== 0x09 && b !== 0x0d) {
          lineHasContent = true;
        }
      }
      if (lines + (lineHasContent ? 1 : 0) > limits.maxLines) {
        throw (exceeded = new LimitExceeded(
          `the body has more than ${limits.maxLines.toLocaleString("en-US")} events; split it into smaller batches`,
        ));
      }
    }
    chunks.push(chunk);
  };
  const timeoutMs = limits.timeoutMs ?? bodyTimeoutMs();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error("body deadline")), timeoutMs);
  try {
    if (encoding === "gzip") {
      const source = Readable.fromWeb(req.body as unknown as NodeWebReadableStream<Uint8Array>);
      await pipeline(
        source,
        zlib.createGunzip(),
        async (out: AsyncIterable<Buffer>) => {
          for await (const chunk of out) take(chunk);
        },
        { signal: deadline.signal },
      );
    } else {
      await readPlain(req.body, take, deadline.signal);
    }
  } catch (err) {
    if (exceeded) throw new ApiError("payload_too_large", exceeded.message);
    if (deadline.signal.aborted) {
      throw new ApiError("request_timeout", `the body did not arrive within ${timeoutMs / 1000} s; nothing was stored, send it again`);
    }
    if (err instanceof ApiError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? "";
    if (encoding === "gzip" && (code.startsWith("Z_") || /incorrect header|unexpected end|invalid/i.test(String(err)))) {
      throw new ApiError("invalid_body", `the gzip body is corrupt or truncated (${(err as Error).message})`);
    }
    throw new ApiError("invalid_body", `the request body could not be read (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    clearTimeout(timer);
  }
  if (total === 0 && !limits.allowEmpty) throw new ApiError("invalid_body", "the request body is empty");
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * An uncompressed body straight from the web stream's reader: a Node stream adapter around it costs
 * a promise and a copy per chunk for nothing. On a limit the stream is cancelled: the rest is never read.
 */
async function readPlain(body: ReadableStream<Uint8Array>, take: (chunk: Buffer) => void, signal: AbortSignal): Promise<void> {
  const reader = body.getReader();
  // At the deadline the stream is cancelled, which ends the pending read: no per-chunk race on the hot path.
  const onAbort = () => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason;
      if (done) return;
      take(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    throw err;
  } finally {
    signal.removeEventListener("abort", onAbort);
    reader.releaseLock();
  }
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(
    "payload_too_large",
    `the body exceeds ${(maxBytes / 1024 / 1024).toFixed(0)} MB (decompressed); split it into smaller batches`,
  );
}
