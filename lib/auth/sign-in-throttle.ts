import { createHash } from "node:crypto";
import type { Sql, SqlExecutor } from "@/lib/db/sql";

/**
 * Sign-in throttle: exponential delays, never a hard lockout.
 *
 * Three counters are kept, each allowing `free` failures and then making the next attempt wait
 * 2^(failures - free) seconds (capped at 15 minutes) after the last one; attempts inside the delay are
 * refused without looking at the password and are not counted, so waiting out the delay always gets
 * one real try — a third party can slow an account down but never lock its owner out:
 * - `account-ip` (5 free): one IP guessing one account's password.
 * - `ip` (20 free: an office NAT has room for honest typos): one IP spraying a password across many emails.
 * - `account` (10 free): many IPs guessing one account. It does not apply from an IP the account signed
 *   in from within 30 days (a `known` row), so the owner at home is not delayed by a botnet.
 * Every counter is forgotten an hour after its last failure.
 *
 * Stored in the `sign_in_throttle` table rather than process memory: app processes behind a load
 * balancer share one PostgreSQL and must count the same attempts (memory would multiply the budget by
 * the number of processes, and a restart would forgive everything). Bounded: rows expire and are swept
 * when counters are written, and the table is capped at `maxRows` (oldest activity evicted first).
 *
 * An attempt is counted when it is claimed, before the password is checked, so a burst of parallel
 * requests cannot all slip in before the first failure is recorded; a success takes the claim back.
 */
export type ThrottleLimits = {
  accountIpFree: number;
  accountFree: number;
  ipFree: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
  knownForMs: number;
  maxRows: number;
};

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  accountIpFree: 5,
  accountFree: 10,
  ipFree: 20,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  knownForMs: 30 * 86_400_000,
  maxRows: 100_000,
};

export type SignInAttempt = { email: string; ip: string };
type Scope = "account-ip" | "account" | "ip";
export type ThrottleDecision = { allowed: true; counted: Scope[] } | { allowed: false; scope: Scope; retryAfterMs: number };

/** How long after the last failure the next attempt must wait, given the failures counted so far. */
export function throttleDelayMs(failures: number, free: number, limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS): number {
  if (failures < free) return 0;
  return Math.min(limits.baseDelayMs * 2 ** Math.min(failures - free, 40), limits.maxDelayMs);
}

const keyOf = (kind: Scope | "known", value: string) => createHash("sha256").update(`${kind}\n${value}`).digest("hex");

function counters(attempt: SignInAttempt, limits: ThrottleLimits): { scope: Scope; key: string; free: number }[] {
  return [
    { scope: "account-ip", key: keyOf("account-ip", `${attempt.email}\n${attempt.ip}`), free: limits.accountIpFree },
    { scope: "account", key: keyOf("account", attempt.email), free: limits.accountFree },
    { scope: "ip", key: keyOf("ip", attempt.ip), free: limits.ipFree },
  ];
}

// Counts one attempt unless the counter is inside its delay (then no row comes back). The delay is
// computed as in throttleDelayMs; the exponent is clamped so power() cannot overflow.
const CLAIM = `
INSERT INTO sign_in_throttle AS t (key, kind, failures, touched_at, expires_at) VALUES ($1, $2, 1, $3, $4)
ON CONFLICT (key) DO UPDATE
SET failures = CASE WHEN t.expires_at <= $3 THEN 1 ELSE t.failures + 1 END, touched_at = $3, expires_at = $4
WHERE t.expires_at <= $3 OR t.failures < $5
   OR t.touched_at + make_interval(secs => LEAST($6::float8 * power(2, LEAST(t.failures - $5, 40)), $7::float8) / 1000) <= $3
RETURNING failures, (xmax = 0) AS inserted`;

class Refused extends Error {
  constructor(readonly scope: Scope) {
    super(`sign-in throttled (${scope})`);
  }
}

/**
 * Counts a sign-in attempt against its counters, or refuses it while one of them is inside its delay
 * (nothing is counted then). Call noteSignInSuccess when the password turns out right.
 */
export async function claimSignInAttempt(
  sql: Sql,
  attempt: SignInAttempt,
  now = new Date(),
  limits = DEFAULT_THROTTLE_LIMITS,
): Promise<ThrottleDecision> {
  const known = await sql.query(`SELECT 1 FROM sign_in_throttle WHERE key = $1 AND expires_at > $2`, [
    keyOf("known", `${attempt.email}\n${attempt.ip}`),
    now,
  ]);
  const applicable = counters(attempt, limits).filter((c) => c.scope !== "account" || known.length === 0);
  const expires = new Date(now.getTime() + limits.forgetAfterMs);
  try {
    const counted = await sql.transaction(async (tx) => {
      // Always account-ip, account, ip in this order: concurrent claims lock rows in one order (no deadlock).
      const counted: { scope: Scope; failures: number; free: number; inserted: boolean }[] = [];
      for (const c of applicable) {
        const [row] = await tx.query<{ failures: number; inserted: boolean }>(CLAIM, [
          c.key,
          c.scope,
          now,
          expires,
          c.free,
          limits.baseDelayMs,
          limits.maxDelayMs,
        ]);
        if (!row) throw new Refused(c.scope); // rolls back the counters already taken
        counted.push({ scope: c.scope, failures: row.failures, free: c.free, inserted: row.inserted });
      }
      return counted;
    });
    if (counted.some((c) => c.inserted)) await sweep(sql, now, limits.maxRows);
    for (const c of counted) {
      // Once past its free attempts, each counted attempt sets a longer delay: the decision worth logging
      // (bounded by the delays themselves, unlike logging every refusal).
      if (c.failures >= c.free) {
        const delay = throttleDelayMs(c.failures, c.free, limits);
        console.warn(
          `[auth] sign-in throttle: ${c.scope} counter of ${attempt.email} from ${attempt.ip} at ${c.failures} attempts; ` +
            `a failure delays the next ${c.scope === "ip" ? "attempt from this IP" : "attempt on this account"} by ${delay / 1000} s`,
        );
      }
    }
    return { allowed: true, counted: counted.map((c) => c.scope) };
  } catch (err) {
    if (!(err instanceof Refused)) throw err;
    const c = applicable.find((x) => x.scope === err.scope)!;
    const [row] = await sql.query<{ failures: number; touched_at: Date }>(
      `SELECT failures, touched_at FROM sign_in_throttle WHERE key = $1`,
      [c.key],
    );
    const until = row ? new Date(row.touched_at).getTime() + throttleDelayMs(row.failures, c.free, limits) : now.getTime();
    return { allowed: false, scope: err.scope, retryAfterMs: Math.max(0, until - now.getTime()) };
  }
}

/**
 * The password was right: forget this account's failures from this IP, give back the claim on the other
 * counters, and mark the IP as one the account signs in from. The account-wide and IP counters are not
 * reset: a botnet's failures keep delaying new IPs on the account, and a sprayer who owns one account
 * must not clear its IP's record by signing in to it between guesses.
 */
export async function noteSignInSuccess(
  sql: Sql,
  attempt: SignInAttempt,
  counted: readonly Scope[],
  now = new Date(),
  limits = DEFAULT_THROTTLE_LIMITS,
): Promise<void> {
  const all = counters(attempt, limits);
  const giveBack = all.filter((c) => c.scope !== "account-ip" && counted.includes(c.scope)).map((c) => c.key);
  const inserted = await sql.transaction(async (tx) => {
    await tx.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [all[0]!.key]);
    await tx.query(`UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0) WHERE key = ANY($1::text[])`, [giveBack]);
    const [row] = await tx.query<{ inserted: boolean }>(
      `INSERT INTO sign_in_throttle (key, kind, failures, touched_at, expires_at) VALUES ($1, 'known', 0, $2, $3)
       ON CONFLICT (key) DO UPDATE SET touched_at = $2, expires_at = $3
       RETURNING (xmax = 0) AS inserted`,
      [keyOf("known", `${attempt.email}\n${attempt.ip}`), now, new Date(now.getTime() + limits.knownForMs)],
    );
    return row?.inserted ?? false;
  });
  if (inserted) await sweep(sql, now, limits.maxRows);
}

/**
 * Drops expired rows and, past maxRows, the least recently active ones. Run only when a row was added,
 * and outside the claim's transaction: deleting rows other claims hold could otherwise deadlock.
 */
async function sweep(sql: SqlExecutor, now: Date, maxRows: number): Promise<void> {
  try {
    await sql.query(`DELETE FROM sign_in_throttle WHERE expires_at <= $1`, [now]);
    await sql.query(
      `DELETE FROM sign_in_throttle WHERE key IN (SELECT key FROM sign_in_throttle ORDER BY touched_at DESC, key OFFSET $1)`,
      [maxRows],
    );
  } catch (err) {
    // Housekeeping only (two sweeps racing can deadlock): the next added row sweeps again.
    console.error("[auth] sign-in throttle sweep failed:", err instanceof Error ? err.message : err);
  }
}
