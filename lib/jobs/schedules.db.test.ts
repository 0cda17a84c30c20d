import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { cancelJob } from "./cancel-job";
import { enqueueIfDue, upsertSchedule, type ScheduleRow } from "./schedules";
import { nextOccurrence } from "./wall-clock";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function dueAt(name: string): Promise<Date> {
  const [row] = await db.sql.query<{ at: Date }>(`SELECT "next_run_at" AS "at" FROM "job_schedules" WHERE "name" = $1`, [name]);
  return row!.at;
}

const berlinTime = (d: Date) => d.toLocaleTimeString("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" });

describe("wall-clock schedules in the database", () => {
  it("are first due at the next local occurrence, enqueue once when due, then move to the next one", async () => {
    const name = `daily-${uid()}`;
    const row: ScheduleRow = {
      name,
      queue: `test.${uid()}`,
      data: {},
      maxAttempts: 1,
      backoffSeconds: 0,
      wallClock: { at: "09:00", timeZone: "Europe/Berlin" },
    };
    const before = new Date();
    await upsertSchedule(db.sql, row);
    const first = await dueAt(name);
    expect(first.getTime()).toBe(nextOccurrence(row.wallClock, "Europe/Berlin", before).at.getTime());
    expect(berlinTime(first)).toBe("09:00");
    expect(await enqueueIfDue(db.sql, row)).toBeNull(); // not due yet

    // The worker was down across three 09:00s: the schedule runs once, and its next run is the next 09:00.
    await db.sql.query(`UPDATE "job_schedules" SET "next_run_at" = now() - interval '3 days' WHERE "name" = $1`, [name]);
    const id = await enqueueIfDue(db.sql, row);
    expect(id).not.toBeNull();
    expect(await enqueueIfDue(db.sql, row)).toBeNull(); // a second worker checking now finds it not due
    const next = await dueAt(name);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(25 * 3600_000);
    expect(berlinTime(next)).toBe("09:00");
    const jobs = await db.sql.query(`SELECT "id" FROM "jobs" WHERE "queue" = $1`, [row.queue]);
    expect(jobs).toHaveLength(1);
    await cancelJob(db, id!);

    // Re-declared unchanged (a restart), the due time stays; changed to an interval, it is due no later.
    await upsertSchedule(db.sql, row);
    expect((await dueAt(name)).getTime()).toBe(next.getTime());
    const { wallClock: _rule, ...common } = row;
    await upsertSchedule(db.sql, { ...common, everySeconds: 60 });
    expect((await dueAt(name)).getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
    const [kind] = await db.sql.query<{ every: number | null; spec: unknown }>(
      `SELECT "every_seconds" AS "every", "spec" FROM "job_schedules" WHERE "name" = $1`,
      [name],
    );
    expect(kind).toEqual({ every: 60, spec: null });
  });
});
