/**
 * The alert UI's mutations go to the same /api/v1 routes scripts use (the session cookie authenticates),
 * so the rules — permissions included — are enforced in one place. Answers are plain data for the caller.
 */
export type ApiAnswer = { ok: boolean; status: number; body: unknown };

export async function apiSend(method: "POST" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<ApiAnswer> {
  try {
    const res = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { ok: res.ok, status: res.status, body: parsed };
  } catch {
    return { ok: false, status: 0, body: { error: { code: "network", message: "the server could not be reached; try again" } } };
  }
}

/** The message of an API error body, or a generic one. */
export function errorMessage(a: ApiAnswer): string {
  const m = (a.body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof m === "string" ? m : `the request failed (HTTP ${a.status})`;
}
