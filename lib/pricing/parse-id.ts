import { ApiError } from "@/lib/http/errors";

/** A route's [id] segment as a positive integer; anything else is a 404 (no such resource). */
export function parseId(raw: string | string[] | undefined, what: string): number {
  const s = Array.isArray(raw) ? raw[0] : raw;
  const n = s && /^\d{1,9}$/.test(s) ? Number(s) : 0;
  if (n <= 0) throw new ApiError("not_found", `no ${what} '${String(s)}'`);
  return n;
}
