import { describe, expect, it } from "vitest";
import { alertMessage, resolvedMessage } from "./fixtures/alert-messages";
import { classifySlackResponse, escapeMrkdwn, renderSlack, slackConfigSchema } from "./slack";

const config = { url: "https://hooks.slack.com/services/T000/B000/XXXX" };

describe("renderSlack", () => {
  it("renders a firing alert as Block Kit with a plain text fallback", () => {
    expect(renderSlack(config, alertMessage())).toEqual({
      text: ":red_circle: [FIRING] High error rate — provider=openai: error_rate = 0.125 (alert when &gt; 0.05 over 5m) <https://unitscope.example.com/acme/alerts/42|View in Unitscope>",
      blocks: [
        { type: "header", text: { type: "plain_text", text: ":red_circle: FIRING: High error rate", emoji: true } },
        {
          type: "section",
          fields: [
            { type: "mrkdwn", text: "*Severity*\ncritical" },
            { type: "mrkdwn", text: "*error_rate*\n0.125" },
            { type: "mrkdwn", text: "*Threshold*\n&gt; 0.05 over 5m" },
            { type: "mrkdwn", text: "*Group*\nprovider=openai" },
          ],
        },
        { type: "section", text: { type: "mrkdwn", text: "<https://unitscope.example.com/acme/alerts/42|View alert in Unitscope>" } },
        {
          type: "context",
          elements: [
            {
              type: "mrkdwn",
              text: "Workspace *Acme Inc* · started <!date^1795514580^{date_short_pretty} {time}|2026-11-24T10:03:00.000Z>",
            },
          ],
        },
      ],
    });
  });

  it("says resolved, shows the resolution time and who acknowledged", () => {
    const body = renderSlack(config, resolvedMessage({ acknowledgedAt: "2026-11-24T10:06:00.000Z", acknowledgedBy: "ana@acme.test" }));
    expect(body.text.startsWith(":white_check_mark: [RESOLVED] High error rate — provider=openai: error_rate = 0.01")).toBe(true);
    expect(body.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: ":white_check_mark: RESOLVED: High error rate", emoji: true },
    });
    expect(body.blocks[1]).toMatchObject({
      fields: expect.arrayContaining([{ type: "mrkdwn", text: "*Acknowledged by*\nana@acme.test" }]),
    });
    expect(JSON.stringify(body.blocks[3])).toContain("resolved <!date^1795515120^");
  });

  it("escapes &, < and > of user text so it cannot inject links or mentions", () => {
    const body = renderSlack(
      config,
      alertMessage({
        alert: {
          ruleName: "<!channel> & <https://evil.example|click>",
          group: { model: "a<b>&c" },
          permalink: "https://u.example/a?x=1&y=2|z",
        },
      }),
    );
    expect(body.text).toContain("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;");
    expect(body.text).toContain("<https://u.example/a?x=1&amp;y=2%7Cz|View in Unitscope>");
    expect(body.blocks[1]).toMatchObject({ fields: expect.arrayContaining([{ type: "mrkdwn", text: "*Group*\nmodel=a&lt;b&gt;&amp;c" }]) });
    // mrkdwn carries it escaped; the header is plain_text, which Slack shows literally (no mentions, no links).
    expect(JSON.stringify({ text: body.text, blocks: body.blocks.slice(1) })).not.toContain("<!channel>");
    expect(body.blocks[0]).toMatchObject({
      text: { type: "plain_text", text: ":red_circle: FIRING: <!channel> & <https://evil.example|click>" },
    });
    expect(escapeMrkdwn("a & <b>")).toBe("a &amp; &lt;b&gt;");
  });

  it("keeps every block within Slack's limits for very long names", () => {
    const long = "🔥".repeat(3000);
    const body = renderSlack(config, alertMessage({ alert: { ruleName: long, group: { model: long } } }));
    const header = body.blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    expect(header.text.text.endsWith("…")).toBe(true);
    expect(header.text.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no half emoji
    for (const f of (body.blocks[1] as { fields: { text: string }[] }).fields) expect(f.text.length).toBeLessThanOrEqual(2000);
    expect(body.text.length).toBeLessThanOrEqual(40_000);
  });

  it("cuts user text before escaping it, so no entity or link is left half", () => {
    const body = renderSlack(config, alertMessage({ alert: { ruleName: "<&>".repeat(2000), group: { model: "&".repeat(5000) } } }));
    const texts = [body.text, ...(body.blocks[1] as { fields: { text: string }[] }).fields.map((f) => f.text)];
    for (const t of texts) expect(t.replace(/&(amp|lt|gt);/g, "")).not.toMatch(/&/);
    expect(body.text.endsWith("<https://unitscope.example.com/acme/alerts/42|View in Unitscope>")).toBe(true);
    for (const f of (body.blocks[1] as { fields: { text: string }[] }).fields) expect(f.text.length).toBeLessThanOrEqual(2000);
  });

  it("marks an ungrouped rule's group as all", () => {
    const body = renderSlack(config, alertMessage({ alert: { group: {} } }));
    expect(body.text).toContain("[FIRING] High error rate: error_rate");
    expect(body.blocks[1]).toMatchObject({ fields: expect.arrayContaining([{ type: "mrkdwn", text: "*Group*\nall" }]) });
  });
});

describe("classifySlackResponse", () => {
  it("counts only a 2xx with body ok as delivered", () => {
    expect(classifySlackResponse(200, "ok", null)).toEqual({ ok: true, statusCode: 200 });
    expect(classifySlackResponse(200, "ok\n", null)).toEqual({ ok: true, statusCode: 200 });
    expect(classifySlackResponse(200, "<html>Sign in</html>", null)).toMatchObject({ ok: false, permanent: false });
    expect(classifySlackResponse(204, "", null)).toMatchObject({
      ok: false,
      permanent: false,
      error: "Slack answered HTTP 204 with an empty body",
    });
  });

  it("fails for good on Slack's permanent error bodies, whatever the status", () => {
    expect(classifySlackResponse(200, "invalid_payload", null)).toEqual({
      ok: false,
      statusCode: 200,
      error: "Slack answered HTTP 200: invalid_payload",
      retryAfterSeconds: undefined,
      permanent: true,
    });
    expect(classifySlackResponse(404, "no_service", null)).toMatchObject({ ok: false, permanent: true });
    expect(classifySlackResponse(410, "channel_is_archived", null)).toMatchObject({ ok: false, permanent: true });
    expect(classifySlackResponse(403, "action_prohibited", null)).toMatchObject({ ok: false, permanent: true });
  });

  it("retries rate limits and server errors, honouring Retry-After", () => {
    expect(classifySlackResponse(429, "rate_limited", "30")).toMatchObject({ ok: false, permanent: false, retryAfterSeconds: 30 });
    expect(classifySlackResponse(500, "rollup_error", null)).toMatchObject({ ok: false, permanent: false });
    expect(classifySlackResponse(400, "something_else", null)).toMatchObject({ ok: false, permanent: true });
  });
});

describe("slackConfigSchema", () => {
  it("takes an http(s) URL without credentials", () => {
    expect(slackConfigSchema.safeParse(config).success).toBe(true);
    expect(slackConfigSchema.safeParse({ url: "ftp://hooks.slack.com/x" }).success).toBe(false);
    expect(slackConfigSchema.safeParse({ url: "https://user:pw@hooks.slack.com/x" }).success).toBe(false);
    expect(slackConfigSchema.safeParse({}).success).toBe(false);
  });
});
