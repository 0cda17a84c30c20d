/**
 * Wall-clock rules ("09:00 on weekdays in Europe/Berlin") turned into UTC instants with Intl's time zone
 * data, DST included. No cron library is installed; these rules cover what the app schedules (daily and
 * weekly local times), and every instant is derived from the local date, so a DST change never shifts
 * a run to another wall-clock time or skips/doubles a day.
 *
 * Local times that do not exist or exist twice are resolved as Temporal's "compatible" disambiguation
 * (and RFC 5545) do:
 * - in a spring-forward gap (02:30 on the day New York jumps 02:00 → 03:00) the run happens at the same
 *   distance past the gap: 03:30 local (07:30 UTC), once;
 * - in a fall-back overlap (01:30 on the day New York repeats 01:00–02:00) the run happens at the
 *   first of the two 01:30s (EDT, 05:30 UTC), once.
 */

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type WallClockRule = {
  /** Local times of day, "HH:MM" (24 h). */
  at: string | readonly string[];
  /** Days of the week it runs on (default: every day). */
  days?: readonly Weekday[];
};

/** One occurrence: its instant and a stable key naming it in local time ("2026-03-29T09:00"). */
export type Occurrence = { at: Date; key: string };

type LocalDate = { y: number; m: number; d: number };
type LocalTime = { hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError for a name Intl does not know (e.g. a typo in a workspace's settings). */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** The local wall-clock fields of an instant, as if they were UTC (ms since epoch). */
function localAsUtc(timeZone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The zone's offset from UTC at an instant, in ms (whole seconds; Intl has no sub-second offsets). */
export function offsetMs(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return localAsUtc(timeZone, whole) - whole;
}

/**
 * The UTC instant of a local date and time in a zone, gaps and overlaps resolved as described above.
 * Offsets a day before and after bracket any transition near the time (zones change at most once a day).
 */
export function zonedTimeToUtc(timeZone: string, date: LocalDate, time: LocalTime): Date {
  const local = Date.UTC(date.y, date.m - 1, date.d, time.hour, time.minute);
  const before = offsetMs(timeZone, local - 86_400_000);
  const after = offsetMs(timeZone, local + 86_400_000);
  const valid = [local - before, local - after].filter((t) => localAsUtc(timeZone, t) === local);
  if (valid.length) return new Date(Math.min(...valid)); // overlap → the earlier instant
  return new Date(local - before); // gap → shifted forward by the gap's length
}

function parseTime(text: string): LocalTime {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!m) throw new RangeError(`a wall-clock time must be "HH:MM" (24 h), got "${text}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** Checks a rule (times well-formed, days known, at least one of each) and returns its sorted times. */
export function ruleTimes(rule: WallClockRule): LocalTime[] {
  const texts = typeof rule.at === "string" ? [rule.at] : [...rule.at];
  if (texts.length === 0) throw new RangeError("a wall-clock rule needs at least one time");
  for (const d of rule.days ?? []) if (!WEEKDAYS.includes(d)) throw new RangeError(`unknown weekday "${d}"`);
  if (rule.days && rule.days.length === 0) throw new RangeError("a wall-clock rule's days must not be empty");
  return texts.map(parseTime).sort((a, b) => a.hour - b.hour || a.minute - b.minute);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Occurrences on local dates from `from` for `count` days, in order. */
function occurrencesAround(rule: WallClockRule, timeZone: string, from: LocalDate, count: number): Occurrence[] {
  const times = ruleTimes(rule);
  const out: Occurrence[] = [];
  for (let i = 0; i < count; i++) {
    const date = addDays(from, i);
    const weekday = WEEKDAYS[new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay()]!;
    if (rule.days && !rule.days.includes(weekday)) continue;
    for (const time of times) {
      out.push({
        at: zonedTimeToUtc(timeZone, date, time),
        key: `${date.y}-${pad(date.m)}-${pad(date.d)}T${pad(time.hour)}:${pad(time.minute)}`,
      });
    }
  }
  return out;
}

function localDateOf(timeZone: string, ms: number): LocalDate {
  const t = new Date(localAsUtc(timeZone, ms));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The first occurrence strictly after `after`. */
export function nextOccurrence(rule: WallClockRule, timeZone: string, after: Date): Occurrence {
  const found = occurrencesAround(rule, timeZone, addDays(localDateOf(timeZone, after.getTime()), -1), 9).find(
    (o) => o.at.getTime() > after.getTime(),
  );
  if (!found) throw new Error("unreachable: a weekly rule occurs within 8 days");
  return found;
}

/** The last occurrence at or before `atOrBefore` (the period that is due now). */
export function latestOccurrence(rule: WallClockRule, timeZone: string, atOrBefore: Date): Occurrence {
  const found = occurrencesAround(rule, timeZone, addDays(localDateOf(timeZone, atOrBefore.getTime()), -8), 10)
    .filter((o) => o.at.getTime() <= atOrBefore.getTime())
    .at(-1);
  if (!found) throw new Error("unreachable: a weekly rule occurs within 8 days");
  return found;
}
