/**
 * Ill-formed UTF-16 (a lone surrogate, which JSON's \udXXX escapes can carry) cannot be stored: Postgres
 * text and jsonb hold UTF-8 only, so the driver writes U+FFFD instead (two ids differing only there
 * become one, the second a silent duplicate) or jsonb refuses the row (22P02, failing its whole batch).
 */

type WellFormedString = string & { isWellFormed(): boolean };

/** String.prototype.isWellFormed (ES2024, native in Node ≥ 20; TypeScript's lib here is ES2023). */
export function isWellFormed(s: string): boolean {
  return (s as WellFormedString).isWellFormed();
}

export const ILL_FORMED_TEXT_MESSAGE = "must be well-formed Unicode (it contains a lone UTF-16 surrogate)";
