import { describe, expect, it } from "vitest";
import { latestOccurrence, nextOccurrence, offsetMs, zonedTimeToUtc, type WallClockRule } from "./wall-clock";

/** n successive occurrences after `from`, as ISO instants with their local keys. */
function chain(rule: WallClockRule, timeZone: string, from: string, n: number): string[] {
  const out: string[] = [];
  let after = new Date(from);
  for (let i = 0; i < n; i++) {
    const o = nextOccurrence(rule, timeZone, after);
    out.push(`${o.key} ${o.at.toISOString()}`);
    after = o.at;
  }
  return out;
}

describe("wall-clock schedules across DST changes", () => {
  it("09:00 Europe/Berlin stays at 09:00 local across the last Sunday of March (CET → CEST)", () => {
    expect(chain({ at: "09:00" }, "Europe/Berlin", "2026-03-27T12:00:00Z", 4)).toEqual([
      "2026-03-28T09:00 2026-03-28T08:00:00.000Z", // CET, UTC+1
      "2026-03-29T09:00 2026-03-29T07:00:00.000Z", // the change happened at 02:00 that night: CEST, UTC+2
      "2026-03-30T09:00 2026-03-30T07:00:00.000Z",
      "2026-03-31T09:00 2026-03-31T07:00:00.000Z",
    ]);
  });

  it("09:00 Europe/Berlin stays at 09:00 local across the last Sunday of October (CEST → CET)", () => {
    expect(chain({ at: "09:00" }, "Europe/Berlin", "2026-10-23T12:00:00Z", 4)).toEqual([
      "2026-10-24T09:00 2026-10-24T07:00:00.000Z",
      "2026-10-25T09:00 2026-10-25T08:00:00.000Z",
      "2026-10-26T09:00 2026-10-26T08:00:00.000Z",
      "2026-10-27T09:00 2026-10-27T08:00:00.000Z",
    ]);
  });

  it("02:30 America/New_York on the spring-forward day (no 02:30 exists) runs once, at 03:30 EDT", () => {
    expect(chain({ at: "02:30" }, "America/New_York", "2026-03-06T12:00:00Z", 3)).toEqual([
      "2026-03-07T02:30 2026-03-07T07:30:00.000Z", // EST
      "2026-03-08T02:30 2026-03-08T07:30:00.000Z", // the gap 02:00–03:00: 03:30 EDT
      "2026-03-09T02:30 2026-03-09T06:30:00.000Z", // EDT
    ]);
    expect(new Date("2026-03-08T07:30:00Z").toLocaleTimeString("en-US", { timeZone: "America/New_York", hourCycle: "h23" })).toBe(
      "03:30:00",
    );
  });

  it("01:30 America/New_York on the fall-back day (01:30 happens twice) runs once, at the first (EDT)", () => {
    expect(chain({ at: "01:30" }, "America/New_York", "2026-10-31T12:00:00Z", 3)).toEqual([
      "2026-11-01T01:30 2026-11-01T05:30:00.000Z", // 01:30 EDT; the second 01:30 (EST, 06:30Z) is not a run
      "2026-11-02T01:30 2026-11-02T06:30:00.000Z",
      "2026-11-03T01:30 2026-11-03T06:30:00.000Z",
    ]);
    // Asked from between the two 01:30s, the next run is the next day's, not the repeated hour's.
    expect(nextOccurrence({ at: "01:30" }, "America/New_York", new Date("2026-11-01T06:00:00Z")).key).toBe("2026-11-02T01:30");
  });

  it("resolves gap and overlap instants directly, and zones with half-hour DST", () => {
    expect(zonedTimeToUtc("America/New_York", { y: 2026, m: 3, d: 8 }, { hour: 2, minute: 0 }).toISOString()).toBe(
      "2026-03-08T07:00:00.000Z",
    );
    expect(zonedTimeToUtc("Europe/Berlin", { y: 2026, m: 10, d: 25 }, { hour: 2, minute: 30 }).toISOString()).toBe(
      "2026-10-25T00:30:00.000Z", // the first 02:30 (CEST)
    );
    // Lord Howe moves by 30 minutes (UTC+10:30 → +11) on the first Sunday of October.
    expect(offsetMs("Australia/Lord_Howe", Date.parse("2026-10-05T00:00:00Z")) / 60_000).toBe(660);
    expect(zonedTimeToUtc("Australia/Lord_Howe", { y: 2026, m: 10, d: 4 }, { hour: 2, minute: 15 }).toISOString()).toBe(
      "2026-10-03T15:45:00.000Z", // 02:15 does not exist there that night: 02:45 (+11)
    );
  });

  it("weekly rules with several times; latestOccurrence names the period due now", () => {
    const rule: WallClockRule = { at: ["18:00", "09:00"], days: ["mon", "thu"] };
    expect(chain(rule, "Europe/Berlin", "2026-03-26T09:30:00Z", 4)).toEqual([
      "2026-03-26T18:00 2026-03-26T17:00:00.000Z", // Thursday, CET
      "2026-03-30T09:00 2026-03-30T07:00:00.000Z", // Monday, CEST
      "2026-03-30T18:00 2026-03-30T16:00:00.000Z",
      "2026-04-02T09:00 2026-04-02T07:00:00.000Z",
    ]);
    expect(latestOccurrence(rule, "Europe/Berlin", new Date("2026-03-29T12:00:00Z")).key).toBe("2026-03-26T18:00");
    // An occurrence is due at its own instant (at or before).
    expect(latestOccurrence(rule, "Europe/Berlin", new Date("2026-03-30T07:00:00Z")).key).toBe("2026-03-30T09:00");
    expect(latestOccurrence(rule, "Europe/Berlin", new Date("2026-03-30T06:59:59Z")).key).toBe("2026-03-26T18:00");
  });

  it("refuses malformed rules and unknown time zones", () => {
    const after = new Date("2026-01-01T00:00:00Z");
    expect(() => nextOccurrence({ at: "9:00" }, "UTC", after)).toThrow(/HH:MM/);
    expect(() => nextOccurrence({ at: "24:00" }, "UTC", after)).toThrow(/HH:MM/);
    expect(() => nextOccurrence({ at: [] }, "UTC", after)).toThrow(/at least one time/);
    expect(() => nextOccurrence({ at: "09:00", days: [] }, "UTC", after)).toThrow(/must not be empty/);
    expect(() => nextOccurrence({ at: "09:00" }, "Mars/Olympus_Mons", after)).toThrow(RangeError);
  });
});
