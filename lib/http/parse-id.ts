import { ApiError } from "./errors";

/** A route's [id] segment as a positive int4 (the ids' column type); anything else is a 404 (no such resource). */
export function parseId(raw: string | string[] | undefined, what: string): number {
  const text = Array.isArray(raw) ? raw[0] : raw;
  const n = text !== undefined && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n > 2_147_483_647) throw new ApiError("not_found", `no ${what} '${text ?? ""}'`);
  return n;
}
