import { describe, expect, it } from "vitest";
import { ALERT_STATES, OUTCOMES, transition, type AlertSnapshot, type AlertState, type Outcome, type RulePolicy } from "./transition";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const MIN = 60_000;

function snap(state: AlertState, over: Partial<AlertSnapshot> = {}): AlertSnapshot {
  const severity = state === "warning" ? "warning" : "critical";
  return { state, severity, streak: 0, acknowledged: false, lastNotifiedAt: state === "ok" ? null : NOW - MIN, ...over };
}

const once: RulePolicy = { forEvaluations: 1, renotifyMinutes: 60, noData: "alert" };

// Every (state × outcome) pair with N = 1, noData = alert, renotify not yet due: [new state, notification].
const TABLE: Record<AlertState, Record<Outcome, [AlertState, string | null]>> = {
  ok: {
    "breach-critical": ["firing", "alert.firing"],
    "breach-warning": ["warning", "alert.warning"],
    ok: ["ok", null],
    "no-data": ["no_data", "alert.firing"],
    "low-traffic": ["ok", null],
  },
  pending: {
    "breach-critical": ["firing", "alert.firing"],
    "breach-warning": ["warning", "alert.warning"],
    ok: ["ok", null],
    "no-data": ["no_data", "alert.firing"],
    "low-traffic": ["pending", null],
  },
  warning: {
    "breach-critical": ["firing", "alert.firing"],
    "breach-warning": ["warning", null],
    ok: ["resolved", "alert.resolved"],
    "no-data": ["no_data", "alert.firing"],
    "low-traffic": ["warning", null],
  },
  firing: {
    "breach-critical": ["firing", null],
    "breach-warning": ["warning", "alert.warning"],
    ok: ["resolved", "alert.resolved"],
    "no-data": ["no_data", "alert.firing"],
    "low-traffic": ["firing", null],
  },
  resolved: {
    "breach-critical": ["firing", "alert.firing"],
    "breach-warning": ["warning", "alert.warning"],
    ok: ["resolved", null],
    "no-data": ["no_data", "alert.firing"],
    "low-traffic": ["resolved", null],
  },
  no_data: {
    "breach-critical": ["firing", "alert.firing"],
    "breach-warning": ["warning", "alert.warning"],
    ok: ["resolved", "alert.resolved"],
    "no-data": ["no_data", null],
    "low-traffic": ["no_data", null],
  },
};

describe("the alert transition table", () => {
  for (const state of ALERT_STATES) {
    for (const outcome of OUTCOMES) {
      const [to, notification] = TABLE[state][outcome];
      it(`${state} × ${outcome} → ${to}${notification ? ` (${notification})` : ""}`, () => {
        const r = transition(snap(state), outcome, once, NOW);
        expect({ state: r.state, notification: r.notification }).toEqual({ state: to, notification });
        expect(r.changed).toBe(to !== state);
        expect(r.suppressed).toBe(false);
        if (r.notification) expect(r.lastNotifiedAt).toBe(NOW);
        // Active states carry their own severity; ok and resolved keep the episode's last one.
        const kept = to === "ok" || to === "resolved" || to === "pending";
        expect(r.severity).toBe(kept ? snap(state).severity : to === "warning" ? "warning" : "critical");
      });
    }
  }

  it("covers every pair, and never announces ok → ok", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ALERT_STATES].sort());
    for (const s of ALERT_STATES) expect(Object.keys(TABLE[s]).sort()).toEqual([...OUTCOMES].sort());
    for (const outcome of ["ok", "low-traffic", "no-data"] as const) {
      for (const noData of ["ok", "keep"] as const) {
        const r = transition(snap("ok"), outcome, { ...once, noData }, NOW);
        expect([r.state, r.notification, r.opens]).toEqual(["ok", null, false]);
      }
    }
  });

  it("marks episodes opening and closing", () => {
    expect(transition(snap("ok"), "breach-critical", once, NOW)).toMatchObject({ opens: true, closes: false });
    expect(transition(snap("resolved"), "breach-warning", once, NOW)).toMatchObject({ opens: true });
    expect(transition(snap("firing"), "ok", once, NOW)).toMatchObject({ opens: false, closes: true });
    expect(transition(snap("pending", { streak: 1 }), "ok", { ...once, forEvaluations: 3 }, NOW)).toMatchObject({
      state: "ok",
      closes: true,
      notification: null,
    });
  });
});

describe("damping (forEvaluations)", () => {
  const three: RulePolicy = { forEvaluations: 3, renotifyMinutes: 0, noData: "alert" };
  const run = (start: AlertSnapshot, outcomes: Outcome[]) => {
    let cur = start;
    return outcomes.map((o, i) => {
      const r = transition(cur, o, three, NOW + i * MIN);
      cur = r;
      return [r.state, r.notification];
    });
  };

  it("fires only after N consecutive breaches, through pending", () => {
    expect(run(snap("ok"), ["breach-critical", "breach-critical", "breach-critical", "breach-critical"])).toEqual([
      ["pending", null],
      ["pending", null],
      ["firing", "alert.firing"],
      ["firing", null],
    ]);
  });

  it("a pending breach that stops falls back to ok silently; the level is the latest breach's", () => {
    expect(run(snap("ok"), ["breach-critical", "ok", "breach-critical", "breach-critical", "breach-warning"])).toEqual([
      ["pending", null],
      ["ok", null],
      ["pending", null],
      ["pending", null],
      ["warning", "alert.warning"],
    ]);
  });

  it("resolves only after N consecutive ok evaluations; a breach in between restarts the count", () => {
    expect(run(snap("firing"), ["ok", "ok", "breach-critical", "ok", "ok", "ok"])).toEqual([
      ["firing", null],
      ["firing", null],
      ["firing", null],
      ["firing", null],
      ["firing", null],
      ["resolved", "alert.resolved"],
    ]);
  });

  it("low traffic neither counts toward nor breaks a streak", () => {
    expect(run(snap("firing"), ["ok", "low-traffic", "ok", "low-traffic", "ok"])).toEqual([
      ["firing", null],
      ["firing", null],
      ["firing", null],
      ["firing", null],
      ["resolved", "alert.resolved"],
    ]);
    expect(run(snap("ok"), ["breach-critical", "low-traffic", "breach-critical", "breach-critical"]).at(-1)).toEqual([
      "firing",
      "alert.firing",
    ]);
  });

  it("steps down firing → warning after N evaluations below critical; escalation is immediate", () => {
    expect(run(snap("firing"), ["breach-warning", "ok", "breach-warning", "breach-critical"])).toEqual([
      ["firing", null],
      ["firing", null],
      ["warning", "alert.warning"],
      ["firing", "alert.firing"],
    ]);
  });

  it("noData: ok resolves, keep holds, alert goes to no_data", () => {
    const firing = snap("firing");
    expect(transition(firing, "no-data", { forEvaluations: 1, renotifyMinutes: 0, noData: "ok" }, NOW)).toMatchObject({
      state: "resolved",
      notification: "alert.resolved",
    });
    expect(transition(firing, "no-data", { forEvaluations: 1, renotifyMinutes: 0, noData: "keep" }, NOW)).toMatchObject({
      state: "firing",
      notification: null,
    });
    expect(transition(firing, "no-data", { forEvaluations: 1, renotifyMinutes: 0, noData: "alert" }, NOW)).toMatchObject({
      state: "no_data",
      severity: "critical",
    });
  });
});

describe("renotify, acknowledgement and silences", () => {
  const rule: RulePolicy = { forEvaluations: 1, renotifyMinutes: 30, noData: "alert" };

  it("renotifies a firing alert every renotifyMinutes, counting from the last notification", () => {
    const due = transition(snap("firing", { lastNotifiedAt: NOW - 30 * MIN }), "breach-critical", rule, NOW);
    expect(due).toMatchObject({ state: "firing", notification: "alert.renotify", lastNotifiedAt: NOW, changed: false });
    expect(transition(due, "breach-critical", rule, NOW + 29 * MIN).notification).toBeNull();
    expect(transition(due, "breach-critical", rule, NOW + 30 * MIN).notification).toBe("alert.renotify");
    expect(transition(snap("no_data", { lastNotifiedAt: NOW - 31 * MIN }), "no-data", rule, NOW).notification).toBe("alert.renotify");
  });

  it("never renotifies when acknowledged, when renotify is 0, or a warning", () => {
    const old = NOW - 300 * MIN;
    expect(transition(snap("firing", { lastNotifiedAt: old, acknowledged: true }), "breach-critical", rule, NOW).notification).toBeNull();
    expect(
      transition(snap("firing", { lastNotifiedAt: old }), "breach-critical", { ...rule, renotifyMinutes: 0 }, NOW).notification,
    ).toBeNull();
    expect(transition(snap("warning", { lastNotifiedAt: old }), "breach-warning", rule, NOW).notification).toBeNull();
  });

  it("an acknowledgement lasts for the episode: kept through changes, dropped when it closes", () => {
    const acked = snap("firing", { acknowledged: true });
    expect(transition(acked, "breach-warning", rule, NOW)).toMatchObject({ state: "warning", acknowledged: true });
    expect(transition(acked, "ok", rule, NOW)).toMatchObject({ state: "resolved", acknowledged: false });
  });

  it("a silence changes nothing but marks the notification suppressed", () => {
    const r = transition(snap("ok"), "breach-critical", rule, NOW, true);
    expect(r).toMatchObject({ state: "firing", notification: "alert.firing", suppressed: true });
    expect(transition(snap("firing"), "breach-critical", rule, NOW, true)).toMatchObject({ notification: null, suppressed: false });
  });
});
