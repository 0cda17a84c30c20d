/**
 * THE alert state machine: one pure function decides, for one (rule, group), what an evaluation's
 * outcome does to the alert's state and which notification (if any) it emits. Nothing else changes an
 * alert's state (the ack route only sets a flag). Table-tested in transition.test.ts.
 *
 * - `ok` and `resolved` are inactive (no open episode); `pending` is a breach not yet confirmed;
 *   `warning`, `firing` and `no_data` are active (notified) states.
 * - Damping (`forEvaluations` = N): entering an alert from ok needs N consecutive breaching evaluations
 *   (through `pending`), and leaving it toward ok (or down from firing to warning) needs N consecutive
 *   evaluations below the current level. Escalation inside an episode (warning → firing) is immediate:
 *   the breach is already confirmed.
 * - `low-traffic` (fewer requests than the rule's minimum) and `no-data` under `noData: keep` hold
 *   everything as it is: they neither count toward nor break a streak.
 * - Renotify while firing (or no_data) and not acknowledged, every `renotifyMinutes` (0 = never).
 * - Never ok → ok; a silenced alert changes state exactly as an unsilenced one, its notification is
 *   only marked `suppressed` (the caller writes history, but no outbox rows).
 */
export const ALERT_STATES = ["ok", "pending", "warning", "firing", "resolved", "no_data"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const OUTCOMES = ["breach-critical", "breach-warning", "ok", "no-data", "low-traffic"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type NoDataPolicy = "ok" | "keep" | "alert";
export type Severity = "warning" | "critical";
export type AlertNotification = "alert.firing" | "alert.warning" | "alert.resolved" | "alert.renotify";

export type AlertSnapshot = {
  state: AlertState;
  severity: Severity;
  /** Consecutive evaluations counting toward the next damped change (pending: breaches; active: below-level ones). */
  streak: number;
  acknowledged: boolean;
  /** Epoch ms of the last notification emitted for this episode (suppressed ones included), or null. */
  lastNotifiedAt: number | null;
};

export type RulePolicy = { forEvaluations: number; renotifyMinutes: number; noData: NoDataPolicy };

export type TransitionResult = AlertSnapshot & {
  /** The event to emit, or null. */
  notification: AlertNotification | null;
  /** True when a silence holds the notification back (history is still written). */
  suppressed: boolean;
  /** The state differs from the input's. */
  changed: boolean;
  /** A new episode starts (a new alert row): from ok/resolved into pending or an active state. */
  opens: boolean;
  /** The episode ends (resolved, or pending that fell back to ok). */
  closes: boolean;
};

const ACTIVE: ReadonlySet<AlertState> = new Set(["warning", "firing", "no_data"]);
/** How serious an active state is: moving up is immediate, moving down is damped. */
const RANK: Record<AlertState, number> = { ok: 0, resolved: 0, pending: 0, warning: 1, firing: 2, no_data: 2 };

type Effective = "breach-critical" | "breach-warning" | "ok" | "no-data" | "hold";

function effective(outcome: Outcome, policy: NoDataPolicy): Effective {
  if (outcome === "low-traffic") return "hold";
  if (outcome === "no-data") return policy === "ok" ? "ok" : policy === "keep" ? "hold" : "no-data";
  return outcome;
}

/** The state an (effective) outcome points to when it takes effect. */
function target(e: Exclude<Effective, "hold">, from: AlertState): AlertState {
  if (e === "breach-critical") return "firing";
  if (e === "breach-warning") return "warning";
  if (e === "no-data") return "no_data";
  return from === "pending" || from === "ok" ? "ok" : "resolved";
}

function severityOf(state: AlertState, fallback: Severity): Severity {
  return state === "warning" ? "warning" : state === "firing" || state === "no_data" ? "critical" : fallback;
}

function announce(to: AlertState, from: AlertState): AlertNotification | null {
  if (to === from) return null;
  if (to === "firing" || to === "no_data") return "alert.firing";
  if (to === "warning") return "alert.warning";
  if (to === "resolved") return "alert.resolved";
  return null; // pending and ok are never announced: nothing was said yet
}

export function transition(cur: AlertSnapshot, outcome: Outcome, rule: RulePolicy, now: number, silenced = false): TransitionResult {
  const n = Math.max(1, rule.forEvaluations);
  const e = effective(outcome, rule.noData);
  const result = (state: AlertState, streak: number, notification: AlertNotification | null, severity?: Severity): TransitionResult => {
    const wasOpen = cur.state !== "ok" && cur.state !== "resolved";
    const isOpen = state !== "ok" && state !== "resolved";
    return {
      state,
      severity: severity ?? severityOf(state, cur.severity),
      streak,
      acknowledged: cur.acknowledged && isOpen && wasOpen,
      lastNotifiedAt: notification ? now : cur.lastNotifiedAt,
      notification,
      suppressed: silenced && notification !== null,
      changed: state !== cur.state,
      opens: !wasOpen && isOpen,
      closes: wasOpen && !isOpen,
    };
  };
  if (e === "hold") return result(cur.state, cur.streak, null);

  // Inactive: ok stays ok (never announced); a breach opens an episode, confirmed after N evaluations.
  if (cur.state === "ok" || cur.state === "resolved") {
    if (e === "ok") return result(cur.state, 0, null);
    const to = target(e, cur.state);
    if (n <= 1) return result(to, 0, announce(to, cur.state));
    return result("pending", 1, null, severityOf(to, "critical"));
  }

  if (cur.state === "pending") {
    if (e === "ok") return result("ok", 0, null); // never announced: nothing to resolve
    const to = target(e, cur.state);
    const streak = cur.streak + 1;
    if (streak >= n) return result(to, 0, announce(to, cur.state));
    return result("pending", streak, null, severityOf(to, "critical"));
  }

  // Active (warning, firing, no_data).
  const to = target(e, cur.state);
  if (to === cur.state) {
    const due =
      rule.renotifyMinutes > 0 &&
      !cur.acknowledged &&
      (cur.state === "firing" || cur.state === "no_data") &&
      cur.lastNotifiedAt !== null &&
      now - cur.lastNotifiedAt >= rule.renotifyMinutes * 60_000;
    return result(cur.state, 0, due ? "alert.renotify" : null);
  }
  if (RANK[to] >= RANK[cur.state]) return result(to, 0, announce(to, cur.state)); // escalation: immediate
  const streak = cur.streak + 1; // toward ok or down a level: damped
  if (streak >= n) return result(to, 0, announce(to, cur.state));
  return result(cur.state, streak, null);
}

export function isActive(state: AlertState): boolean {
  return ACTIVE.has(state);
}
