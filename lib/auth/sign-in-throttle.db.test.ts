import { randomInt } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { useDatabaseForRoutes } from "@/lib/ingest/testing/serve-route-handlers";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { openTestDatabase, uid } from "@/prisma/seed/test-db";
import { authOptions } from "./auth-options";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

/** What the sign-in page gets: a user, a plain refusal, or the error code next-auth passes on. */
async function attempt(email: string, password: string, ip: string): Promise<string> {
  try {
    return (await authorize({ email, password }, { headers: { "x-forwarded-for": ip } })) ? "ok" : "refused";
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

// Throttle codes are the contract with the sign-in page (`?error=` in its URL).
const THROTTLED = "TooManyAttempts";
const PASSWORD = "correct horse battery";
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

let db: Database;
let workspaceSlug: string;
beforeAll(async () => {
  db = await openTestDatabase();
  useDatabaseForRoutes(db);
  workspaceSlug = (await createWorkspace(db.prisma, { slug: uid("throttle") })).slug;
});
afterAll(async () => db.close());
afterEach(() => vi.useRealTimers());

async function newUser(): Promise<string> {
  const email = `${uid("victim")}@example.com`;
  await createUser(db.prisma, { email, password: PASSWORD, workspaceSlug, role: "viewer" });
  return email;
}

/** Freezes Date (only Date: pg and bcrypt keep their real timers) so delays can be waited out instantly. */
function freezeClock(): { advance(ms: number): void } {
  let now = Date.now();
  vi.useFakeTimers({ toFake: ["Date"], now });
  return {
    advance(ms) {
      now += ms;
      vi.setSystemTime(now);
    },
  };
}

describe("sign-in throttle", () => {
  it("does not lock a victim out when an attacker hammers their account from another IP", async () => {
    const victim = await newUser();
    const [victimIp, attackerIp] = [randomIp(), randomIp()];
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) outcomes.push(await attempt(victim, `guess-${i}`, attackerIp));
    // The attacker is slowed down (refused unevaluated after a few tries)…
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("refused"));
    expect(outcomes.slice(5)).toContain(THROTTLED);
    // …and the victim, from their own IP, signs in with the right password at once.
    expect(await attempt(victim, PASSWORD, victimIp)).toBe("ok");
  });

  it("delays rather than locks: after the delay the right password works, even for the attacker's IP", async () => {
    const clock = freezeClock();
    const user = await newUser();
    const ip = randomIp();
    for (let i = 0; i < 8; i++) {
      await attempt(user, `guess-${i}`, ip);
      clock.advance(60_000); // each wrong guess evaluated: past every delay so far
    }
    expect(await attempt(user, "guess-final", ip)).toBe("refused");
    expect(await attempt(user, PASSWORD, ip)).toBe(THROTTLED); // delayed, not evaluated
    clock.advance(15 * 60_000); // the longest delay there is
    expect(await attempt(user, PASSWORD, ip)).toBe("ok");
  });

  it("a distributed attack on one account delays new IPs for a while but never the IP the user signs in from", async () => {
    const clock = freezeClock();
    const user = await newUser();
    const homeIp = randomIp();
    expect(await attempt(user, PASSWORD, homeIp)).toBe("ok"); // a known IP for this account
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) outcomes.push(await attempt(user, `guess-${i}`, randomIp())); // one try per attacking IP
    expect(outcomes).toContain(THROTTLED); // the account-wide counter slows the botnet down
    expect(await attempt(user, PASSWORD, homeIp)).toBe("ok");
    const newIp = randomIp();
    expect(await attempt(user, PASSWORD, newIp)).toBe(THROTTLED);
    clock.advance(15 * 60_000);
    expect(await attempt(user, PASSWORD, newIp)).toBe("ok");
  });

  it("slows one IP spraying a password across many emails, without slowing other IPs", async () => {
    const clock = freezeClock();
    const sprayer = randomIp();
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) outcomes.push(await attempt(`${uid("spray")}@example.com`, "Summer2026!", sprayer));
    const evaluated = outcomes.filter((o) => o === "refused").length;
    expect(evaluated).toBeGreaterThanOrEqual(10); // a shared office IP has room for honest typos
    expect(evaluated).toBeLessThan(40);
    expect(outcomes.slice(evaluated)).toEqual(Array(40 - evaluated).fill(THROTTLED));
    // Someone else signs in meanwhile; after the delay the sprayer gets exactly one more evaluated try.
    const user = await newUser();
    expect(await attempt(user, PASSWORD, randomIp())).toBe("ok");
    clock.advance(15 * 60_000);
    expect(await attempt(`${uid("spray")}@example.com`, "Summer2026!", sprayer)).toBe("refused");
    expect(await attempt(`${uid("spray")}@example.com`, "Summer2026!", sprayer)).toBe(THROTTLED);
  });

  it("keeps its table bounded: expired counters are dropped and the row count is capped", async () => {
    const { claimSignInAttempt, DEFAULT_THROTTLE_LIMITS } = await import("./sign-in-throttle");
    const limits = { ...DEFAULT_THROTTLE_LIMITS, maxRows: 50 };
    const start = new Date(Date.now() + 86_400_000); // ahead of every other test's rows
    for (let i = 0; i < 120; i++) {
      await claimSignInAttempt(db.sql, { email: `${uid("flood")}@example.com`, ip: randomIp() }, new Date(start.getTime() + i), limits);
    }
    const count = async (where = "true", params: unknown[] = []) =>
      Number((await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM sign_in_throttle WHERE ${where}`, params))[0]!.n);
    expect(await count()).toBeLessThanOrEqual(50);
    // Two hours later every counter above has expired; the next claim sweeps all expired rows away.
    const late = new Date(start.getTime() + 2 * 3_600_000);
    expect(await count("expires_at <= $1", [late])).toBeGreaterThan(0);
    await claimSignInAttempt(db.sql, { email: `${uid("late")}@example.com`, ip: randomIp() }, late, limits);
    expect(await count("expires_at <= $1", [late])).toBe(0);
    expect(await count()).toBeLessThanOrEqual(50);
  });
});
