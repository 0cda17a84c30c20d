-- Sign-in throttle (lib/auth/sign-in-throttle.ts): failed-attempt counters per account, per client IP and
-- per (account, IP), plus "known" rows marking an IP an account recently signed in from. A table rather
-- than process memory so every app process behind a load balancer counts the same attempts, and a restart
-- does not forgive them. `key` is a sha256 of kind + value: fixed size whatever the input, and no email or
-- IP stored in clear. Rows expire (`expires_at`) and the table is capped by the code (oldest `touched_at`
-- evicted first), so an attacker cannot grow it without bound.
CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "touched_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "sign_in_throttle_kind_valid" CHECK ("kind" IN ('account', 'ip', 'account-ip', 'known')),
    CONSTRAINT "sign_in_throttle_failures_valid" CHECK ("failures" >= 0)
);

CREATE INDEX "sign_in_throttle_expires_at_idx" ON "sign_in_throttle"("expires_at");
CREATE INDEX "sign_in_throttle_touched_at_idx" ON "sign_in_throttle"("touched_at");
