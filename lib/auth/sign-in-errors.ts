/**
 * Codes `authorize` throws so next-auth hands them to the sign-in page (`result.error`, `?error=`):
 * refusals that are not "wrong email or password" and must read differently.
 */
export const SIGN_IN_ERROR = {
  /** The database could not be reached: nothing was checked, retrying shortly will work. */
  unavailable: "ServiceUnavailable",
  /** The throttle refused the attempt unevaluated: wait, then try again. */
  throttled: "TooManyAttempts",
} as const;

export const SIGN_IN_MESSAGES: Record<string, string> = {
  [SIGN_IN_ERROR.unavailable]: "Unitscope is unavailable, retry shortly.",
  [SIGN_IN_ERROR.throttled]: "Too many sign-in attempts. Wait a moment, then try again (the wait grows with each failed attempt).",
};
