import { describe, expect, it } from "vitest";
import { headline, summary, truncate } from "./alert-text";
import { alertMessage } from "./fixtures/alert-messages";

describe("truncate", () => {
  it("leaves short text alone and cuts long text to max with an ellipsis", () => {
    expect(truncate("abc", 3)).toBe("abc");
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abcdef", 4).length).toBe(4);
    expect(truncate("abc", 0)).toBe("");
  });

  it("never splits a surrogate pair", () => {
    const cut = truncate("ab😀cd", 4); // "ab" + high surrogate would be position 3
    expect(cut).toBe("ab…");
    expect(truncate("😀😀😀", 5)).toBe("😀😀…");
  });
});

describe("headline and summary", () => {
  it("tag the event, name the rule and group, state the value and the condition", () => {
    const m = alertMessage({ alert: { group: { provider: "openai", model: "gpt-4o" }, operator: "lte" } });
    expect(headline(m)).toBe("[FIRING] High error rate — provider=openai, model=gpt-4o");
    expect(summary(m)).toBe("[FIRING] High error rate — provider=openai, model=gpt-4o: error_rate = 0.125 (alert when ≤ 0.05 over 5m)");
    expect(headline(alertMessage({ type: "alert.renotify", alert: { group: {}, ruleName: "a\r\nb" } }))).toBe("[STILL FIRING] a b");
  });
});
