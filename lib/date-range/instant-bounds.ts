/**
 * The instants an API accepts in a query or a window (`from`, `to`): 1970 up to (not including) 3000.
 * No model call is older than the Unix epoch, and PostgreSQL refuses what JavaScript parses happily
 * (year 0000 → 22008 "date/time field value out of range"; year 0001 becomes year 0 in zones east of
 * UTC), so anything outside is a client error (400 naming the field), never a 500 from the database.
 */
export const EARLIEST_INSTANT_MS = Date.UTC(1970, 0, 1);
export const LATEST_INSTANT_MS = Date.UTC(3000, 0, 1);

export const INSTANT_BOUNDS_MESSAGE = "must lie between 1970-01-01T00:00:00Z and 3000-01-01T00:00:00Z";

/** True for a valid instant (ms since the epoch) within the bounds; false for NaN. */
export function isWithinInstantBounds(ms: number): boolean {
  return ms >= EARLIEST_INSTANT_MS && ms < LATEST_INSTANT_MS;
}
