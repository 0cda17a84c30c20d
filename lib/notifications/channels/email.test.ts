import { describe, expect, it } from "vitest";
import { classifySmtpError, emailConfigSchema, emailSender, escapeHtml, mailSettingsFromEnv, messageIdFor, renderEmail } from "./email";
import { alertMessage, resolvedMessage } from "./fixtures/alert-messages";

/** A process environment with just these variables. */
const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

const opts = { from: "Unitscope <alerts@unitscope.example>", idempotencyKey: "alert:42:firing:7" };
const config = { to: ["oncall@acme.test"] };

describe("renderEmail", () => {
  it("builds subject, both bodies and the dedupe headers", () => {
    const mail = renderEmail(config, alertMessage(), opts);
    expect(mail.from).toBe(opts.from);
    expect(mail.to).toEqual(["oncall@acme.test"]);
    expect(mail.subject).toBe("[FIRING] High error rate — provider=openai");
    expect(mail.messageId).toBe(messageIdFor("alert:42:firing:7", opts.from));
    expect(mail.messageId).toMatch(/^<[0-9a-f]{40}@unitscope\.example>$/);
    expect(mail.headers).toEqual({ "Auto-Submitted": "auto-generated" });
    expect(mail.text).toBe(
      [
        "[FIRING] High error rate — provider=openai: error_rate = 0.125 (alert when > 0.05 over 5m)",
        "",
        "Workspace:  Acme Inc",
        "Rule:       High error rate",
        "Group:      provider=openai",
        "Severity:   critical",
        "State:      firing",
        "error_rate: 0.125",
        "Condition:  alert when > 0.05 over 5m",
        "Started:    2026-11-24T10:03:00.000Z",
        "",
        "View the alert in Unitscope: https://unitscope.example.com/acme/alerts/42",
        "",
        "Sent by Unitscope alerts.",
      ].join("\n"),
    );
    expect(mail.html).toContain('<a href="https://unitscope.example.com/acme/alerts/42">View the alert in Unitscope</a>');
    expect(mail.html).toContain('<td style="padding:4px 12px 4px 0;vertical-align:top">alert when &gt; 0.05 over 5m</td>');
  });

  it("threads an episode: firing and resolve share References, not Message-ID", () => {
    const firing = renderEmail(config, alertMessage(), opts);
    const resolved = renderEmail(config, resolvedMessage(), { ...opts, idempotencyKey: "alert:42:resolved:9" });
    expect(resolved.subject).toBe("[RESOLVED] High error rate — provider=openai");
    expect(resolved.text).toContain("Resolved:   2026-11-24T10:12:00.000Z");
    expect(resolved.references).toBe(firing.references);
    expect(resolved.messageId).not.toBe(firing.messageId);
  });

  it("escapes HTML in every user-supplied value and refuses non-http links", () => {
    const mail = renderEmail(
      config,
      alertMessage({
        workspace: { slug: "x", name: "<b>Evil</b>" },
        alert: { ruleName: `<script>alert("x")</script>`, group: { model: "a&b'c" }, permalink: "javascript:alert(1)" },
      }),
      opts,
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<b>Evil</b>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.html).toContain("model=a&amp;b&#39;c");
    expect(mail.html).toContain('<a href="#">');
    expect(mail.html).not.toContain("javascript:");
    expect(mail.text).toContain(`Rule:       <script>alert("x")</script>`); // the text part is plain text
    expect(escapeHtml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  });

  it("keeps the subject on one line whatever the names contain", () => {
    const mail = renderEmail(config, alertMessage({ alert: { ruleName: "a\r\nBcc: victim@x.test", group: {} } }), opts);
    expect(mail.subject).toBe("[FIRING] a Bcc: victim@x.test");
  });
});

describe("messageIdFor", () => {
  it("is stable per key and differs between keys", () => {
    expect(messageIdFor("k1", "a@b.test")).toBe(messageIdFor("k1", "Someone <a@b.test>"));
    expect(messageIdFor("k1", "a@b.test")).not.toBe(messageIdFor("k2", "a@b.test"));
  });
});

describe("mail settings", () => {
  it("reads UNITSCOPE_SMTP_URL and UNITSCOPE_MAIL_FROM", () => {
    expect(mailSettingsFromEnv(env({ UNITSCOPE_SMTP_URL: "smtp://u:p@mail:587", UNITSCOPE_MAIL_FROM: "a@b.test" }))).toEqual({
      smtpUrl: "smtp://u:p@mail:587",
      from: "a@b.test",
    });
    expect(mailSettingsFromEnv(env({}))).toEqual({ error: expect.stringContaining("set UNITSCOPE_SMTP_URL") });
    expect(mailSettingsFromEnv(env({ UNITSCOPE_SMTP_URL: "smtp://mail" }))).toEqual({
      error: expect.stringContaining("set UNITSCOPE_MAIL_FROM"),
    });
    expect(mailSettingsFromEnv(env({ UNITSCOPE_SMTP_URL: "http://mail", UNITSCOPE_MAIL_FROM: "a@b.test" }))).toEqual({
      error: "UNITSCOPE_SMTP_URL must be an smtp:// or smtps:// URL",
    });
    expect(mailSettingsFromEnv(env({ UNITSCOPE_SMTP_URL: "smtps://mail", UNITSCOPE_MAIL_FROM: "Unitscope" }))).toEqual({
      error: expect.stringContaining("must contain an e-mail address"),
    });
  });

  it("a channel without SMTP configured fails for good, with the reason", async () => {
    const saved = { url: process.env.UNITSCOPE_SMTP_URL };
    delete process.env.UNITSCOPE_SMTP_URL;
    try {
      const result = await emailSender.send(config, alertMessage(), { idempotencyKey: "k", signal: new AbortController().signal });
      expect(result).toEqual({ ok: false, permanent: true, error: expect.stringContaining("set UNITSCOPE_SMTP_URL") });
    } finally {
      if (saved.url !== undefined) process.env.UNITSCOPE_SMTP_URL = saved.url;
    }
  });
});

describe("classifySmtpError", () => {
  const err = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props);
  it("retries 4xx replies and connection trouble; 5xx replies and refused messages fail for good", () => {
    expect(classifySmtpError(err("greylisted", { code: "EENVELOPE", responseCode: 451 }))).toEqual({
      ok: false,
      error: "SMTP 451: greylisted",
    });
    expect(classifySmtpError(err("no such user", { code: "EENVELOPE", responseCode: 550 }))).toMatchObject({ ok: false, permanent: true });
    expect(classifySmtpError(err("bad credentials", { code: "EAUTH", responseCode: 535 }))).toMatchObject({ permanent: true });
    expect(classifySmtpError(err("auth busy", { code: "EAUTH", responseCode: 454 }))).not.toHaveProperty("permanent");
    expect(classifySmtpError(err("connect ECONNREFUSED", { code: "ESOCKET" }))).toEqual({
      ok: false,
      error: "SMTP ESOCKET: connect ECONNREFUSED",
      permanent: false,
    });
    expect(classifySmtpError(err("Greeting never received", { code: "ETIMEDOUT" }))).toMatchObject({ permanent: false });
    expect(classifySmtpError(err("Invalid sender", { code: "EENVELOPE" }))).toMatchObject({ permanent: true });
  });
});

describe("emailConfigSchema", () => {
  it("takes 1–20 distinct e-mail addresses", () => {
    expect(emailConfigSchema.safeParse(config).success).toBe(true);
    expect(emailConfigSchema.safeParse({ to: [] }).success).toBe(false);
    expect(emailConfigSchema.safeParse({ to: ["not-an-address"] }).success).toBe(false);
    expect(emailConfigSchema.safeParse({ to: ["a@b.test", "A@b.test"] }).success).toBe(false);
    expect(emailConfigSchema.safeParse({ to: Array.from({ length: 20 }, (_, i) => `u${i}@b.test`) }).success).toBe(true);
    expect(emailConfigSchema.safeParse({ to: Array.from({ length: 21 }, (_, i) => `u${i}@b.test`) }).success).toBe(false);
  });
});
