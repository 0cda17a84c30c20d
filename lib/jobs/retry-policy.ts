/** Longest wait before a retry: a job that keeps failing is still retried within the hour. */
export const MAX_BACKOFF_SECONDS = 3600;

/**
 * Seconds to wait before the next run after failed attempt `attempt` (1-based): exponential from
 * `backoffSeconds`, so a broken dependency is not hammered while a blip costs only seconds.
 */
export function retryDelaySeconds(attempt: number, backoffSeconds: number): number {
  if (backoffSeconds <= 0) return 0;
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(backoffSeconds * 2 ** exponent, MAX_BACKOFF_SECONDS);
}
