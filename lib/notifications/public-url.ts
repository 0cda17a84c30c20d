/** The base URL links in notifications point at (UNITSCOPE_PUBLIC_URL, else localhost on PORT). */
export function publicBaseUrl(): string {
  const explicit = process.env.UNITSCOPE_PUBLIC_URL?.trim();
  if (explicit) return explicit.replace(/\/+$/, "");
  return `http://localhost:${process.env.PORT || 3000}`;
}
