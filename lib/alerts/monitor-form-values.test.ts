import { describe, expect, it } from "vitest";
import { monitorInputSchema } from "./monitor-schema";
import { defaultMonitorValues, fieldErrors, filtersBody, monitorBody, monitorFormValues } from "./monitor-form-values";
import type { MonitorView } from "./monitor-store";

describe("monitor form values", () => {
  it("turns a filled-in form into a body the monitor schema accepts", () => {
    const body = monitorBody({
      ...defaultMonitorValues(),
      name: "Errors per provider",
      filters: [{ dimension: "provider", values: "openai, e2e-x" }],
      groupBy: ["provider"],
      alertThreshold: "0.05",
      warningThreshold: " 0.02 ",
      minRequests: "20",
      forEvaluations: "2",
      channelIds: [3],
    });
    expect(body).toMatchObject({
      filters: { provider: ["openai", "e2e-x"] },
      warningThreshold: "0.02",
      minRequests: 20,
      forEvaluations: 2,
    });
    const parsed = monitorInputSchema.safeParse(body);
    expect(parsed.success).toBe(true);
  });

  it("sends a blank warning as null and non-digits as typed, so the server names the field", () => {
    const body = monitorBody({ ...defaultMonitorValues(), name: "x", alertThreshold: "1", minRequests: "ten" });
    expect(body.warningThreshold).toBeNull();
    expect(body.minRequests).toBe("ten");
    const parsed = monitorInputSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["minRequests"]);
  });

  it("merges filter rows per dimension, drops empty ones and uses the filter key", () => {
    expect(
      filtersBody([
        { dimension: "workload_class", values: "batch" },
        { dimension: "provider", values: " , " },
        { dimension: "workload_class", values: "batch, online" },
      ]),
    ).toEqual({ workloadClass: ["batch", "online"] });
  });

  it("round-trips a stored monitor through the form", () => {
    const m: MonitorView = {
      id: 1,
      workspaceId: 1,
      name: "p95",
      enabled: false,
      measure: "latency_p95_ms",
      filters: { workloadClass: ["online"] },
      groupBy: ["model"],
      window: "1h",
      windowSeconds: 3600,
      operator: "gte",
      alertThreshold: "2000",
      warningThreshold: "1500",
      minRequests: 5,
      forEvaluations: 3,
      noData: "ok",
      renotifyMinutes: 60,
      channelIds: [2],
      lastEvaluatedAt: null,
      createdAt: "2026-11-01T00:00:00.000Z",
      updatedAt: "2026-11-01T00:00:00.000Z",
    };
    expect(monitorBody(monitorFormValues(m))).toEqual({
      name: "p95",
      enabled: false,
      measure: "latency_p95_ms",
      filters: { workloadClass: ["online"] },
      groupBy: ["model"],
      window: "1h",
      operator: "gte",
      alertThreshold: "2000",
      warningThreshold: "1500",
      minRequests: 5,
      forEvaluations: 3,
      noData: "ok",
      renotifyMinutes: 60,
      channelIds: [2],
    });
  });

  it("maps an API error body to one message per form field", () => {
    const body = {
      error: {
        code: "invalid_body",
        message: "window: must be a duration",
        details: [
          { path: "monitor.window", code: "custom", message: "must be a duration from 5m to 7d" },
          { path: "filters.provider.0", code: "too_big", message: "too long" },
          { path: "window", code: "custom", message: "second issue on the same field" },
        ],
      },
    };
    expect(fieldErrors(body)).toEqual({ window: "must be a duration from 5m to 7d", filters: "too long" });
    expect(fieldErrors({ error: { code: "forbidden", message: "not allowed" } })).toEqual({ "": "not allowed" });
    expect(fieldErrors(null)).toEqual({});
  });
});
