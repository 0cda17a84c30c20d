// Per-email failed sign-in counter (in process memory): 10 failures in 15 minutes lock that email out
// until the window passes. Enough for one app process; a multi-instance deployment needs a shared store.
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 10;
const failures = new Map<string, number[]>();

function recent(email: string, now: number): number[] {
  return (failures.get(email) ?? []).filter((t) => now - t < WINDOW_MS);
}

export function noteFailedSignIn(email: string, now = Date.now()): void {
  failures.set(email, [...recent(email, now), now]);
}

export function isSignInThrottled(email: string, now = Date.now()): boolean {
  return recent(email, now).length >= MAX_FAILURES;
}

export function clearFailedSignIns(email: string): void {
  failures.delete(email);
}
