import { describe, expect, it } from "vitest";
import { alertLabels, alertmanagerConfigSchema, alertsEndpoint, renderAlertmanager, sanitizeLabelName } from "./alertmanager";
import { alertMessage, resolvedMessage } from "./fixtures/alert-messages";

const config = { url: "http://alertmanager:9093" };

describe("renderAlertmanager", () => {
  it("posts one alert with labels, annotations, startsAt and generatorURL (no endsAt while firing)", () => {
    expect(renderAlertmanager(config, alertMessage())).toEqual({
      url: "http://alertmanager:9093/api/v2/alerts",
      body: [
        {
          labels: {
            alertname: "High error rate",
            severity: "critical",
            unitscope_rule_kind: "monitor",
            unitscope_rule_id: "7",
            workspace: "acme",
            provider: "openai",
          },
          annotations: {
            summary: "[FIRING] High error rate — provider=openai: error_rate = 0.125 (alert when > 0.05 over 5m)",
            description:
              'error_rate of group provider=openai in Acme Inc is 0.125 (alert when > 0.05 over 5m); critical alert of rule "High error rate", state firing.',
            value: "0.125",
            threshold: "0.05",
          },
          startsAt: "2026-11-24T10:03:00.000Z",
          generatorURL: "https://unitscope.example.com/acme/alerts/42",
        },
      ],
    });
  });

  it("ends the alert at its resolution time on resolve, with the same labels", () => {
    const firing = renderAlertmanager(config, alertMessage()).body[0]!;
    const resolved = renderAlertmanager(config, resolvedMessage()).body[0]!;
    expect(resolved.endsAt).toBe("2026-11-24T10:12:00.000Z");
    expect(resolved.startsAt).toBe(firing.startsAt);
    expect(resolved.labels).toEqual(firing.labels);
    expect(resolved.annotations.value).toBe("0.01");
  });

  it("says no data when there is no value", () => {
    const alert = renderAlertmanager(config, alertMessage({ alert: { value: null, state: "no_data" } })).body[0]!;
    expect(alert.annotations.value).toBe("no data");
  });
});

describe("alert labels", () => {
  it("sanitises label names to [a-zA-Z_][a-zA-Z0-9_]*", () => {
    expect(sanitizeLabelName("provider")).toBe("provider");
    expect(sanitizeLabelName("model.name")).toBe("model_name");
    expect(sanitizeLabelName("api-key id")).toBe("api_key_id");
    expect(sanitizeLabelName("9lives")).toBe("_9lives");
    expect(sanitizeLabelName("région")).toBe("r_gion");
    expect(sanitizeLabelName("")).toBe("_");
  });

  it("never lets a group dimension overwrite our labels or another dimension", () => {
    const labels = alertLabels(
      alertMessage({
        alert: { group: { severity: "low", "model.name": "a", model_name: "b", "": "c", __proto__x: "d", empty: "", alertname: "x" } },
      }),
    );
    expect(labels).toEqual({
      alertname: "High error rate",
      severity: "critical",
      unitscope_rule_kind: "monitor",
      unitscope_rule_id: "7",
      workspace: "acme",
      group_severity: "low",
      model_name: "a",
      group_model_name: "b",
      _: "c",
      __proto__x: "d",
      group_alertname: "x",
    });
    for (const name of Object.keys(labels)) expect(name).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
  });

  it("keeps a dimension called __proto__ as a plain label", () => {
    const m = alertMessage();
    m.alert.group = JSON.parse('{"__proto__":"p","constructor":"c"}') as Record<string, string>; // own keys, as JSON.parse makes them
    const labels = alertLabels(m);
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(labels))).toMatchObject({ __proto__: "p", constructor: "c" });
    expect(Object.hasOwn(labels, "__proto__")).toBe(true);
  });

  it("puts alertname on one line", () => {
    expect(alertLabels(alertMessage({ alert: { ruleName: "line one\nline two" } })).alertname).toBe("line one line two");
  });
});

describe("alertsEndpoint", () => {
  it("appends /api/v2/alerts to the base URL, keeping a path prefix and query", () => {
    expect(alertsEndpoint("http://am:9093")).toBe("http://am:9093/api/v2/alerts");
    expect(alertsEndpoint("http://am:9093/")).toBe("http://am:9093/api/v2/alerts");
    expect(alertsEndpoint("https://ops.example.com/alertmanager//")).toBe("https://ops.example.com/alertmanager/api/v2/alerts");
    expect(alertsEndpoint("https://ops.example.com/am?tenant=a#x")).toBe("https://ops.example.com/am/api/v2/alerts?tenant=a");
  });

  it("config takes an http(s) base URL", () => {
    expect(alertmanagerConfigSchema.safeParse(config).success).toBe(true);
    expect(alertmanagerConfigSchema.safeParse({ url: "am:9093" }).success).toBe(false);
  });
});
