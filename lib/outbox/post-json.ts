import type { DeliveryResult } from "./define-deliverer";

/** Parses Retry-After (delay-seconds or an HTTP date) into seconds from `now`; undefined when absent or malformed. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : undefined;
}

/** Statuses worth retrying: timeouts, rate limits, server trouble. Other 4xx are permanent (retrying sends the same request). */
function retryable(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * POSTs a JSON body and maps the response onto a delivery result: 2xx delivered; 408/425/429/5xx retried
 * (honouring Retry-After); other statuses failed for good. Network errors and timeouts throw (retried).
 */
export async function postJson(
  url: string,
  body: string,
  opts: { headers?: Record<string, string>; signal: AbortSignal },
): Promise<DeliveryResult> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...opts.headers },
    body,
    signal: opts.signal,
    redirect: "manual", // a redirect is not a delivery; following it could send the payload elsewhere
  });
  // Read (and bound) the body so the connection is released; keep a little of it for the log.
  const text = (await res.text().catch(() => "")).slice(0, 300);
  if (res.ok) return { ok: true, statusCode: res.status };
  return {
    ok: false,
    statusCode: res.status,
    error: `HTTP ${res.status}${text ? `: ${text}` : ""}`,
    retryAfterSeconds: parseRetryAfter(res.headers.get("retry-after")),
    permanent: !retryable(res.status),
  };
}
