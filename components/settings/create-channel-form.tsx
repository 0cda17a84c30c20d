"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { apiSend, errorMessage } from "@/components/alerts/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { fieldErrors } from "@/lib/alerts/monitor-form-values";

type ChannelType = "webhook" | "slack" | "pagerduty" | "alertmanager" | "email";

/** The fields each channel type asks for (the server's schema per type decides what is valid). */
const TYPES: {
  value: ChannelType;
  label: string;
  fields: { key: string; label: string; placeholder: string; optional?: boolean; help?: string }[];
}[] = [
  {
    value: "webhook",
    label: "Webhook",
    fields: [
      {
        key: "url",
        label: "URL",
        placeholder: "https://example.com/hooks/unitscope",
        help: "Signed per Standard Webhooks; the signing secret is shown once after creation.",
      },
    ],
  },
  {
    value: "slack",
    label: "Slack",
    fields: [
      {
        key: "url",
        label: "Incoming webhook URL",
        placeholder: "https://hooks.slack.com/services/…",
        help: "Stored as a secret: never shown again.",
      },
    ],
  },
  {
    value: "pagerduty",
    label: "PagerDuty",
    fields: [
      { key: "routingKey", label: "Routing key", placeholder: "32-character integration key", help: "Stored as a secret." },
      { key: "url", label: "Events API URL (optional)", placeholder: "https://events.pagerduty.com/v2/enqueue", optional: true },
    ],
  },
  {
    value: "alertmanager",
    label: "Alertmanager",
    fields: [
      { key: "url", label: "Alertmanager URL", placeholder: "http://alertmanager:9093", help: "Alerts are posted to its /api/v2/alerts." },
    ],
  },
  {
    value: "email",
    label: "E-mail",
    fields: [
      {
        key: "to",
        label: "Recipients",
        placeholder: "oncall@example.com, finance@example.com",
        help: "Separated by commas; sent through UNITSCOPE_SMTP_URL.",
      },
    ],
  },
];

const input =
  "mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-xs placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-950";

type Created = { name: string; secrets: Record<string, string> };

export function CreateChannelForm() {
  const router = useRouter();
  const uid = useId();
  const [type, setType] = useState<ChannelType>("webhook");
  const [name, setName] = useState("");
  const [config, setConfig] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Created | null>(null);
  const [busy, startTransition] = useTransition();
  const spec = TYPES.find((t) => t.value === type)!;

  const submit = () =>
    startTransition(async () => {
      setErrors({});
      const cfg: Record<string, unknown> = {};
      for (const f of spec.fields) {
        const text = (config[f.key] ?? "").trim();
        if (f.optional && text === "") continue;
        cfg[f.key] =
          f.key === "to"
            ? text
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean)
            : text;
      }
      const a = await apiSend("POST", "/api/v1/alert-channels", { name, type, config: cfg });
      if (!a.ok) {
        // Issues name "config.url" etc.: keep the full path so each input finds its message.
        const details = ((a.body as { error?: { details?: { path?: string; message?: string }[] } })?.error?.details ?? []) as {
          path?: string;
          message?: string;
        }[];
        const byPath: Record<string, string> = {};
        for (const d of details)
          if (d.path && !(d.path in byPath)) byPath[d.path.split(".").slice(0, 2).join(".")] = d.message ?? "is invalid";
        setErrors(Object.keys(byPath).length ? byPath : { "": fieldErrors(a.body)[""] ?? errorMessage(a) });
        return;
      }
      const body = a.body as { channel: { name: string }; secrets?: Record<string, string> };
      setCreated({ name: body.channel.name, secrets: body.secrets ?? {} });
      setName("");
      setConfig({});
      router.refresh();
    });

  return (
    <Card aria-labelledby={`${uid}-title`}>
      <CardHeader
        id={`${uid}-title`}
        title="Add a notification channel"
        description="Monitors notify the channels they list. Secrets are shown once, right after creation."
      />
      <CardBody className="space-y-4">
        {created ? (
          <div
            role="status"
            data-testid="new-channel-created"
            className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950/50"
          >
            <p className="text-sm font-medium text-emerald-900 dark:text-emerald-100">
              Channel “{created.name}” created.
              {Object.keys(created.secrets).length ? " Copy its signing secret now — it will not be shown again." : ""}
            </p>
            {Object.entries(created.secrets).map(([k, secret]) => (
              <div key={k} className="mt-3 flex flex-wrap items-center gap-2">
                <code
                  aria-label="New channel signing secret"
                  data-testid="new-channel-secret"
                  className="min-w-0 flex-1 rounded-md border border-emerald-200 bg-white px-3 py-2 font-mono text-[13px] break-all text-zinc-900 dark:border-emerald-900 dark:bg-zinc-950 dark:text-zinc-100"
                >
                  {secret}
                </code>
                <CopyButton text={secret} label="Copy signing secret" />
              </div>
            ))}
            <Button variant="ghost" size="sm" className="mt-2" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        ) : null}
        {errors[""] ? (
          <Alert tone="danger" live title="The channel was not created">
            {errors[""]}
          </Alert>
        ) : null}
        <form
          className="grid gap-4 md:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div>
            <label htmlFor={`${uid}-type`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
              Type
            </label>
            <select
              id={`${uid}-type`}
              className={input}
              value={type}
              onChange={(e) => {
                setType(e.target.value as ChannelType);
                setConfig({});
                setErrors({});
              }}
            >
              {TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <div className="md:col-span-2">
            <label htmlFor={`${uid}-name`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
              Channel name
            </label>
            <input
              id={`${uid}-name`}
              className={input}
              value={name}
              maxLength={200}
              placeholder="e.g. on-call webhook"
              onChange={(e) => setName(e.target.value)}
              required
            />
            {errors.name ? <p className="mt-1 text-xs text-red-700 dark:text-red-300">{errors.name}</p> : null}
          </div>
          {spec.fields.map((f) => (
            <div key={`${type}-${f.key}`} className="md:col-span-3">
              <label htmlFor={`${uid}-${f.key}`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
                {f.label}
              </label>
              <input
                id={`${uid}-${f.key}`}
                className={input}
                value={config[f.key] ?? ""}
                placeholder={f.placeholder}
                autoComplete="off"
                aria-invalid={errors[`config.${f.key}`] ? true : undefined}
                onChange={(e) => setConfig((c) => ({ ...c, [f.key]: e.target.value }))}
              />
              {errors[`config.${f.key}`] ? (
                <p className="mt-1 text-xs text-red-700 dark:text-red-300">{errors[`config.${f.key}`]}</p>
              ) : f.help ? (
                <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{f.help}</p>
              ) : null}
            </div>
          ))}
          {errors.config ? <p className="text-xs text-red-700 md:col-span-3 dark:text-red-300">{errors.config}</p> : null}
          <div className="md:col-span-3">
            <Button type="submit" disabled={busy}>
              {busy ? "Creating…" : "Create channel"}
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
