import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import { z } from "zod";
import type { DeliveryResult } from "@/lib/outbox/define-deliverer";
import type { AlertMessage } from "../alert-message";
import type { ChannelSender } from "../channel-sender";
import { EVENT_LABEL, conditionText, groupText, headline, summary, truncate, valueText } from "./alert-text";
import { SEND_TIMEOUT_MS, boundedAttempt } from "./http";

/** Recipients of one e-mail channel; the SMTP server and sender address are the operator's (environment). */
export const emailConfigSchema = z.object({
  to: z
    .array(z.email("must be an e-mail address").max(254))
    .min(1, "needs at least one address")
    .max(20, "takes at most 20 addresses")
    .refine((to) => new Set(to.map((t) => t.toLowerCase())).size === to.length, "lists an address twice"),
});
export type EmailConfig = z.infer<typeof emailConfigSchema>;

export type MailSettings = { smtpUrl: string; from: string };

/** UNITSCOPE_SMTP_URL and UNITSCOPE_MAIL_FROM, or why they cannot be used (a permanent failure: retrying cannot set them). */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings | { error: string } {
  const smtpUrl = env.UNITSCOPE_SMTP_URL?.trim() ?? "";
  const from = env.UNITSCOPE_MAIL_FROM?.trim() ?? "";
  if (!smtpUrl) return { error: "e-mail is not configured: set UNITSCOPE_SMTP_URL (e.g. smtp://user:pass@smtp.example.com:587)" };
  if (!/^smtps?:\/\/[^/]/i.test(smtpUrl)) return { error: "UNITSCOPE_SMTP_URL must be an smtp:// or smtps:// URL" };
  if (!from) return { error: "e-mail is not configured: set UNITSCOPE_MAIL_FROM (e.g. Unitscope <alerts@example.com>)" };
  if (!senderDomain(from)) return { error: "UNITSCOPE_MAIL_FROM must contain an e-mail address (alerts@example.com)" };
  return { smtpUrl, from };
}

/** The domain of the (last) address in a From value: `Unitscope <alerts@example.com>` → example.com. */
function senderDomain(from: string): string | null {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return match?.[1] ? match[1].toLowerCase() : null;
}

/**
 * A Message-ID that is the same on every attempt of one notification (derived from the outbox
 * idempotency key): an attempt repeated after a lost SMTP answer arrives as a duplicate the receiving
 * side can drop. Hashed because keys contain characters a msg-id may not (`alert:42:firing:7`).
 */
export function messageIdFor(key: string, from: string): string {
  return `<${createHash("sha256").update(key).digest("hex").slice(0, 40)}@${senderDomain(from) ?? "unitscope.invalid"}>`;
}

/** Minimal HTML escaping for text and double-quoted attribute values: every rule name, group value and URL is user input. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Only http(s) links become clickable: a `javascript:` permalink must not reach an e-mail client. */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : "#");

const COLOR: Record<AlertMessage["type"], string> = {
  "alert.firing": "#c62828",
  "alert.renotify": "#c62828",
  "alert.warning": "#ef6c00",
  "alert.resolved": "#2e7d32",
  "alert.acknowledged": "#1565c0",
  "alert.test": "#546e7a",
};

function rows(message: AlertMessage): [string, string][] {
  const a = message.alert;
  const out: [string, string][] = [
    ["Workspace", message.workspace.name],
    ["Rule", a.ruleName],
    ["Group", groupText(a.group) || "all"],
    ["Severity", a.severity],
    ["State", a.state],
    [a.measure, valueText(a)],
    ["Condition", conditionText(a)],
    ["Started", a.startedAt],
  ];
  if (a.resolvedAt) out.push(["Resolved", a.resolvedAt]);
  if (a.acknowledgedAt) out.push(["Acknowledged", `${a.acknowledgedAt}${a.acknowledgedBy ? ` by ${a.acknowledgedBy}` : ""}`]);
  return out;
}

/**
 * The e-mail, as nodemailer message options: subject `[FIRING] <rule> — <group>`, a text and an HTML
 * part with the same facts, a Message-ID stable across retries, and `References` to one id per
 * (rule, group) episode so mail clients thread the firing and the resolve together.
 */
export function renderEmail(config: EmailConfig, message: AlertMessage, opts: { from: string; idempotencyKey: string }) {
  const a = message.alert;
  const facts = rows(message);
  const width = Math.max(...facts.map(([k]) => k.length));
  const text = [
    summary(message),
    "",
    ...facts.map(([k, v]) => `${`${k}:`.padEnd(width + 2)}${v}`),
    "",
    `View the alert in Unitscope: ${a.permalink}`,
    "",
    "Sent by Unitscope alerts.",
  ].join("\n");
  const cell = "padding:4px 12px 4px 0;vertical-align:top";
  const html = `<!doctype html>
<html><body style="font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1a1a1a">
<h2 style="margin:0 0 12px;color:${COLOR[message.type]}">${escapeHtml(`${EVENT_LABEL[message.type]}: ${a.ruleName}`)}</h2>
<p style="margin:0 0 12px">${escapeHtml(summary(message))}</p>
<table style="border-collapse:collapse;font-size:14px">
${facts.map(([k, v]) => `<tr><th style="${cell};text-align:left">${escapeHtml(k)}</th><td style="${cell}">${escapeHtml(v)}</td></tr>`).join("\n")}
</table>
<p style="margin:16px 0"><a href="${escapeHtml(safeHref(a.permalink))}">View the alert in Unitscope</a></p>
<p style="color:#666;font-size:12px">Sent by Unitscope alerts.</p>
</body></html>`;
  return {
    from: opts.from,
    to: config.to,
    subject: truncate(headline(message), 250),
    text,
    html,
    messageId: messageIdFor(opts.idempotencyKey, opts.from),
    references: messageIdFor(`episode:${a.dedupKey}`, opts.from),
    // RFC 3834: tells auto-responders (out-of-office) not to answer an alert.
    headers: { "Auto-Submitted": "auto-generated" },
  };
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

/** Errors nodemailer raises before or without talking to a server that no retry can fix (a bad sender, bad credentials). */
const PERMANENT_CODES = new Set(["EENVELOPE", "EMESSAGE", "EAUTH"]);

/**
 * SMTP's own classes decide: 4xx is transient (greylisting, a full mailbox, a busy server) → retry;
 * 5xx is a refusal → permanent. Without a reply code it is the connection (refused, timed out, TLS),
 * retried, unless nodemailer refused the message itself.
 */
export function classifySmtpError(err: unknown): DeliveryResult {
  const e = err as SmtpError;
  const message = e instanceof Error ? e.message : String(err);
  const code = typeof e?.responseCode === "number" ? e.responseCode : undefined;
  const error = `SMTP ${code ?? e?.code ?? "error"}: ${message}`.slice(0, 1000);
  if (code !== undefined && code >= 400 && code < 500) return { ok: false, error };
  if (code !== undefined && code >= 500) return { ok: false, error, permanent: true };
  return { ok: false, error, permanent: typeof e?.code === "string" && PERMANENT_CODES.has(e.code) };
}

/**
 * Sends one alert e-mail through `settings`. Each SMTP step times out after SEND_TIMEOUT_MS; `signal`
 * (the sender bounds the whole attempt with it) stops the wait and throws its reason.
 */
export async function sendAlertEmail(
  settings: MailSettings,
  config: EmailConfig,
  message: AlertMessage,
  ctx: { idempotencyKey: string; signal: AbortSignal },
): Promise<DeliveryResult> {
  if (ctx.signal.aborted) throw ctx.signal.reason;
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  const mail = renderEmail(config, message, { from: settings.from, idempotencyKey: ctx.idempotencyKey });
  // nodemailer takes no AbortSignal: stop waiting when the worker does (its timeouts close the socket).
  let onAbort: () => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(ctx.signal.reason);
    ctx.signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const info = await Promise.race([transport.sendMail(mail), aborted]);
    // With several recipients the server may refuse some and take the others: a transient refusal is
    // retried (the same Message-ID lets the others' copies be recognised); a permanent one is reported.
    const rejected = (info as { rejectedErrors?: SmtpError[] }).rejectedErrors ?? [];
    if (rejected.length === 0) return { ok: true };
    const transient = rejected.some((r) => typeof r.responseCode === "number" && r.responseCode < 500);
    const detail = rejected.map((r) => `${r.responseCode ?? r.code}: ${r.message}`).join("; ");
    return {
      ok: false,
      permanent: !transient,
      error: `SMTP refused ${rejected.length} of ${config.to.length} recipients (the others were accepted): ${detail}`.slice(0, 1000),
    };
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    return classifySmtpError(err);
  } finally {
    ctx.signal.removeEventListener("abort", onAbort);
    transport.close();
  }
}

export const emailSender: ChannelSender<EmailConfig> = {
  type: "email",
  configSchema: emailConfigSchema,
  secretConfigKeys: [],
  // E-mail has no HTTP status: results carry no statusCode; the SMTP reply code is in the error text.
  send: async (config, message, ctx) => {
    const settings = mailSettingsFromEnv();
    if ("error" in settings) return { ok: false, permanent: true, error: settings.error };
    return boundedAttempt(ctx.signal, (signal) =>
      sendAlertEmail(settings, config, message, { idempotencyKey: ctx.idempotencyKey, signal }),
    );
  },
};
