"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { fieldErrors, monitorBody, type MonitorFormValues } from "@/lib/alerts/monitor-form-values";
import type { Dimension } from "@/lib/rollups/dimensions";
import { apiSend, errorMessage } from "./api-client";
import { BacktestPanel } from "./backtest-panel";

export type Option = { value: string; label: string };

const input =
  "h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-xs placeholder:text-zinc-400 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950";

const OPERATORS: Option[] = [
  { value: "gt", label: "> above" },
  { value: "gte", label: "≥ at or above" },
  { value: "lt", label: "< below" },
  { value: "lte", label: "≤ at or below" },
];
const NO_DATA: Option[] = [
  { value: "keep", label: "Keep the current state" },
  { value: "ok", label: "Treat as OK (resolve)" },
  { value: "alert", label: "Alert (no data state)" },
];

function Field({ id, label, help, error, children }: { id: string; label: string; help?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700 dark:text-red-300" data-testid={`error-${id}`}>
          {error}
        </p>
      ) : help ? (
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{help}</p>
      ) : null}
    </div>
  );
}

/**
 * Create or edit a monitor: every field of the rule, the server's per-field validation shown beside the
 * field, and a backtest of the values as they are typed. Read-only (disabled) for roles without alerts:manage.
 */
export function MonitorForm({
  monitorId,
  initial,
  measures,
  dimensions,
  channels,
  canManage,
}: {
  monitorId: number | null;
  initial: MonitorFormValues;
  measures: Option[];
  dimensions: Option[];
  channels: { id: number; name: string; type: string; enabled: boolean }[];
  canManage: boolean;
}) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, startTransition] = useTransition();
  const uid = useId();
  const id = (f: string) => `${uid}-${f}`;
  const set = <K extends keyof MonitorFormValues>(k: K, value: MonitorFormValues[K]) => setV((cur) => ({ ...cur, [k]: value }));
  const disabled = !canManage || busy;
  const body = monitorBody(v);
  const described = (f: string) => (errors[f] ? { "aria-invalid": true, "aria-describedby": `${id(f)}-error` } : {});

  const save = () =>
    startTransition(async () => {
      setErrors({});
      const a =
        monitorId === null
          ? await apiSend("POST", "/api/v1/monitors", body)
          : await apiSend("PATCH", `/api/v1/monitors/${monitorId}`, body);
      if (!a.ok) {
        const fe = fieldErrors(a.body);
        setErrors(Object.keys(fe).length ? fe : { "": errorMessage(a) });
        return;
      }
      router.push("/alerts/monitors");
      router.refresh();
    });

  const remove = () =>
    startTransition(async () => {
      if (monitorId === null || !window.confirm("Delete this monitor and its alert history?")) return;
      const a = await apiSend("DELETE", `/api/v1/monitors/${monitorId}`);
      if (!a.ok) setErrors({ "": errorMessage(a) });
      else {
        router.push("/alerts/monitors");
        router.refresh();
      }
    });

  const toggle = (list: string[] | number[], item: string | number) =>
    (list as (string | number)[]).includes(item) ? (list as (string | number)[]).filter((x) => x !== item) : [...list, item];
  const generalError = errors[""] ?? Object.entries(errors).find(([k]) => !(k in v))?.[1];

  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      aria-label={monitorId === null ? "New monitor" : "Edit monitor"}
    >
      {generalError ? (
        <Alert tone="danger" live title="The monitor was not saved">
          {generalError}
        </Alert>
      ) : Object.keys(errors).length ? (
        <Alert tone="danger" live title="The monitor was not saved">
          Fix the fields marked below.
        </Alert>
      ) : null}
      <Card>
        <CardHeader title="Rule" description="What is measured, over which events, and when it alerts." />
        <CardBody className="grid gap-4 md:grid-cols-2">
          <Field id={id("name")} label="Name" error={errors.name}>
            <input
              id={id("name")}
              className={input}
              value={v.name}
              disabled={disabled}
              onChange={(e) => set("name", e.target.value)}
              {...described("name")}
            />
          </Field>
          <Field id={id("measure")} label="Measure" error={errors.measure}>
            <select
              id={id("measure")}
              className={input}
              value={v.measure}
              disabled={disabled}
              onChange={(e) => set("measure", e.target.value)}
              {...described("measure")}
            >
              {measures.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id("operator")} label="Condition" error={errors.operator}>
            <select
              id={id("operator")}
              className={input}
              value={v.operator}
              disabled={disabled}
              onChange={(e) => set("operator", e.target.value as MonitorFormValues["operator"])}
              {...described("operator")}
            >
              {OPERATORS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={id("window")}
            label="Window"
            help="5m to 7d, e.g. 5m, 1h, 1d: each evaluation looks at this much recent data."
            error={errors.window}
          >
            <input
              id={id("window")}
              className={input}
              value={v.window}
              disabled={disabled}
              onChange={(e) => set("window", e.target.value)}
              {...described("window")}
            />
          </Field>
          <Field id={id("alertThreshold")} label="Alert threshold" help="Ratios are fractions: 0.05 is 5 %." error={errors.alertThreshold}>
            <input
              id={id("alertThreshold")}
              className={input}
              inputMode="decimal"
              value={v.alertThreshold}
              disabled={disabled}
              onChange={(e) => set("alertThreshold", e.target.value)}
              {...described("alertThreshold")}
            />
          </Field>
          <Field
            id={id("warningThreshold")}
            label="Warning threshold (optional)"
            help="Crossed before the alert threshold."
            error={errors.warningThreshold}
          >
            <input
              id={id("warningThreshold")}
              className={input}
              inputMode="decimal"
              value={v.warningThreshold}
              disabled={disabled}
              onChange={(e) => set("warningThreshold", e.target.value)}
              {...described("warningThreshold")}
            />
          </Field>
          <fieldset className="md:col-span-2" aria-describedby={errors.groupBy ? `${id("groupBy")}-error` : undefined}>
            <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Group by</legend>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              One alert per combination of these dimensions (none: one alert for everything).
            </p>
            <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
              {dimensions.map((d) => (
                <label key={d.value} className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
                  <input
                    type="checkbox"
                    className="size-4 accent-brand-600"
                    checked={v.groupBy.includes(d.value)}
                    disabled={disabled}
                    onChange={() => set("groupBy", toggle(v.groupBy, d.value) as string[])}
                  />
                  {d.label}
                </label>
              ))}
            </div>
            {errors.groupBy ? (
              <p id={`${id("groupBy")}-error`} className="mt-1 text-xs text-red-700 dark:text-red-300">
                {errors.groupBy}
              </p>
            ) : null}
          </fieldset>
          <fieldset className="md:col-span-2">
            <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Filters</legend>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Only events matching every filter count (values separated by commas).
            </p>
            <ul className="mt-2 space-y-2">
              {v.filters.map((f, i) => (
                <li key={i} className="flex flex-wrap items-center gap-2">
                  <label className="sr-only" htmlFor={id(`filter-dim-${i}`)}>
                    Filter {i + 1} dimension
                  </label>
                  <select
                    id={id(`filter-dim-${i}`)}
                    className={`${input} w-44`}
                    value={f.dimension}
                    disabled={disabled}
                    onChange={(e) =>
                      set(
                        "filters",
                        v.filters.map((x, j) => (j === i ? { ...x, dimension: e.target.value as Dimension } : x)),
                      )
                    }
                  >
                    {dimensions.map((d) => (
                      <option key={d.value} value={d.value}>
                        {d.label}
                      </option>
                    ))}
                  </select>
                  <label className="sr-only" htmlFor={id(`filter-val-${i}`)}>
                    Filter {i + 1} values
                  </label>
                  <input
                    id={id(`filter-val-${i}`)}
                    className={`${input} min-w-48 flex-1`}
                    placeholder="e.g. openai, anthropic"
                    value={f.values}
                    disabled={disabled}
                    onChange={(e) =>
                      set(
                        "filters",
                        v.filters.map((x, j) => (j === i ? { ...x, values: e.target.value } : x)),
                      )
                    }
                  />
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={disabled}
                    onClick={() =>
                      set(
                        "filters",
                        v.filters.filter((_, j) => j !== i),
                      )
                    }
                    aria-label={`Remove filter ${i + 1}`}
                  >
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
            <Button
              size="sm"
              variant="secondary"
              className="mt-2"
              disabled={disabled}
              onClick={() => set("filters", [...v.filters, { dimension: "provider", values: "" }])}
            >
              Add filter
            </Button>
            {errors.filters ? <p className="mt-1 text-xs text-red-700 dark:text-red-300">{errors.filters}</p> : null}
          </fieldset>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Behaviour" description="Noise control: how sure the rule must be, and how often it repeats itself." />
        <CardBody className="grid gap-4 md:grid-cols-3">
          <Field
            id={id("minRequests")}
            label="Minimum requests"
            help="Fewer requests in the window: the evaluation is skipped."
            error={errors.minRequests}
          >
            <input
              id={id("minRequests")}
              className={input}
              inputMode="numeric"
              value={v.minRequests}
              disabled={disabled}
              onChange={(e) => set("minRequests", e.target.value)}
              {...described("minRequests")}
            />
          </Field>
          <Field
            id={id("forEvaluations")}
            label="For evaluations"
            help="Consecutive breaches before firing (and clear ones before resolving)."
            error={errors.forEvaluations}
          >
            <input
              id={id("forEvaluations")}
              className={input}
              inputMode="numeric"
              value={v.forEvaluations}
              disabled={disabled}
              onChange={(e) => set("forEvaluations", e.target.value)}
              {...described("forEvaluations")}
            />
          </Field>
          <Field
            id={id("renotifyMinutes")}
            label="Renotify every (minutes)"
            help="While firing and not acknowledged; 0 = never."
            error={errors.renotifyMinutes}
          >
            <input
              id={id("renotifyMinutes")}
              className={input}
              inputMode="numeric"
              value={v.renotifyMinutes}
              disabled={disabled}
              onChange={(e) => set("renotifyMinutes", e.target.value)}
              {...described("renotifyMinutes")}
            />
          </Field>
          <Field id={id("noData")} label="When there is no data" error={errors.noData}>
            <select
              id={id("noData")}
              className={input}
              value={v.noData}
              disabled={disabled}
              onChange={(e) => set("noData", e.target.value as MonitorFormValues["noData"])}
            >
              {NO_DATA.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          <fieldset className="md:col-span-2">
            <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Notify channels</legend>
            {channels.length === 0 ? (
              <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
                No channel yet: add one in{" "}
                <a href="/settings/channels" className="text-brand-700 hover:underline dark:text-brand-300">
                  Settings → Notification channels
                </a>
                . Alerts are still recorded without one.
              </p>
            ) : (
              <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
                {channels.map((c) => (
                  <label key={c.id} className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-600"
                      checked={v.channelIds.includes(c.id)}
                      disabled={disabled}
                      onChange={() => set("channelIds", toggle(v.channelIds, c.id) as number[])}
                    />
                    {c.name}{" "}
                    <span className="text-xs text-zinc-500">
                      ({c.type}
                      {c.enabled ? "" : ", disabled"})
                    </span>
                  </label>
                ))}
              </div>
            )}
            {errors.channelIds ? <p className="mt-1 text-xs text-red-700 dark:text-red-300">{errors.channelIds}</p> : null}
          </fieldset>
          <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={v.enabled}
              disabled={disabled}
              onChange={(e) => set("enabled", e.target.checked)}
            />
            Enabled (evaluated by the worker)
          </label>
        </CardBody>
      </Card>

      <Card>
        <CardBody>
          <BacktestPanel rule={{ ...body, name: body.name.trim() || "backtest" }} ready={v.alertThreshold.trim() !== ""} />
        </CardBody>
      </Card>

      {canManage ? (
        <div className="flex flex-wrap justify-between gap-2">
          <div>
            {monitorId !== null ? (
              <Button variant="danger" onClick={remove} disabled={busy}>
                Delete monitor
              </Button>
            ) : null}
          </div>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => router.push("/alerts/monitors")} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy}>
              {busy ? "Saving…" : monitorId === null ? "Create monitor" : "Save monitor"}
            </Button>
          </div>
        </div>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Only owners, admins and engineers can change monitors.</p>
      )}
    </form>
  );
}
