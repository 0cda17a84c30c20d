import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emailSender, messageIdFor, renderEmail } from "./email";
import { alertMessage } from "./fixtures/alert-messages";
import { parseMail, startSmtpReceiver } from "./fixtures/smtp-receiver";

// A real SMTP server (smtp-server) on loopback receives what nodemailer sends through UNITSCOPE_SMTP_URL.
const FROM = "Unitscope Alerts <alerts@unitscope.example>";
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const saved = { url: process.env.UNITSCOPE_SMTP_URL, from: process.env.UNITSCOPE_MAIL_FROM };

beforeAll(async () => {
  smtp = await startSmtpReceiver({
    user: "mailer",
    pass: "s3cr:et@",
    rcptReply: (address) => (address.startsWith("greylisted") ? 451 : address.startsWith("nobody") ? 550 : 250),
  });
  process.env.UNITSCOPE_MAIL_FROM = FROM;
});
afterEach(() => {
  smtp.received.length = 0;
  process.env.UNITSCOPE_SMTP_URL = smtp.url;
});
afterAll(async () => {
  await smtp.close();
  for (const [k, v] of [
    ["UNITSCOPE_SMTP_URL", saved.url],
    ["UNITSCOPE_MAIL_FROM", saved.from],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const send = (to: string[], key = "alert:42:firing:7") =>
  emailSender.send({ to }, alertMessage(), { idempotencyKey: key, signal: new AbortController().signal });

describe("emailSender against a real SMTP server", () => {
  beforeAll(() => {
    process.env.UNITSCOPE_SMTP_URL = smtp.url;
  });

  it("delivers one message with text and HTML parts and the dedupe headers, authenticated from the URL", async () => {
    expect(await send(["oncall@acme.test", "cfo@acme.test"])).toEqual({ ok: true });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.user).toBe("mailer");
    expect(mail.from).toBe("alerts@unitscope.example");
    expect(mail.to).toEqual(["oncall@acme.test", "cfo@acme.test"]);

    const { headers, parts } = parseMail(mail.raw);
    const expected = renderEmail({ to: ["oncall@acme.test"] }, alertMessage(), { from: FROM, idempotencyKey: "alert:42:firing:7" });
    expect(headers.get("subject")).toBe("[FIRING] High error rate — provider=openai");
    expect(headers.get("message-id")).toBe(messageIdFor("alert:42:firing:7", FROM));
    expect(headers.get("references")).toBe(expected.references);
    expect(headers.get("from")).toBe(FROM);
    expect(headers.get("to")).toBe("oncall@acme.test, cfo@acme.test");
    expect(headers.get("auto-submitted")).toBe("auto-generated");
    expect(headers.get("content-type")).toMatch(/^multipart\/alternative;/);
    expect(parts.map((p) => p.type)).toEqual(["text/plain", "text/html"]);
    expect(parts[0]!.body).toBe(expected.text);
    expect(parts[1]!.body).toBe(expected.html);
  });

  it("a retried attempt carries the same Message-ID, so the receiver can drop the duplicate", async () => {
    await send(["oncall@acme.test"], "alert:42:firing:8");
    await send(["oncall@acme.test"], "alert:42:firing:8");
    const ids = smtp.received.map((m) => parseMail(m.raw).headers.get("message-id"));
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it("451 (try later) is retried; 550 (no such user) fails for good", async () => {
    const transient = await send(["greylisted@acme.test"]);
    expect(transient).toMatchObject({ ok: false, error: expect.stringContaining("SMTP 451") });
    expect(transient).not.toMatchObject({ permanent: true });
    expect(transient).not.toHaveProperty("statusCode"); // not HTTP: the reply code is in the error
    expect(await send(["nobody@acme.test"])).toMatchObject({ ok: false, permanent: true, error: expect.stringContaining("SMTP 550") });
    expect(smtp.received).toHaveLength(0);
  });

  it("some recipients refused: retried when transient, reported for good when permanent", async () => {
    const transient = await send(["oncall@acme.test", "greylisted@acme.test"]);
    expect(transient).toMatchObject({ ok: false, permanent: false, error: expect.stringContaining("refused 1 of 2 recipients") });
    const permanent = await send(["oncall@acme.test", "nobody@acme.test"]);
    expect(permanent).toMatchObject({ ok: false, permanent: true, error: expect.stringContaining("550") });
    expect(smtp.received.map((m) => m.to)).toEqual([["oncall@acme.test"], ["oncall@acme.test"]]);
  });

  it("wrong SMTP credentials (535) fail for good", async () => {
    process.env.UNITSCOPE_SMTP_URL = `smtp://mailer:wrong@127.0.0.1:${smtp.port}`;
    expect(await send(["oncall@acme.test"])).toMatchObject({ ok: false, permanent: true, error: expect.stringContaining("535") });
  });

  it("an unreachable server is retried", async () => {
    const other = await startSmtpReceiver({ user: "u", pass: "p" });
    await other.close();
    process.env.UNITSCOPE_SMTP_URL = `smtp://u:p@127.0.0.1:${other.port}`;
    const result = await send(["oncall@acme.test"]);
    expect(result).toMatchObject({ ok: false, permanent: false, error: expect.stringContaining("ECONNREFUSED") });
  });
});
