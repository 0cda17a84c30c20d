import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, VIEWER, watchConsole } from "./helpers";

type Received = {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { type?: string; data?: { alert?: { group?: Record<string, string> } } };
};

/** A real loopback receiver: records every request and answers 200 (UNITSCOPE_ALLOW_PRIVATE_TARGETS defaults on). */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      let json = {};
      try {
        json = JSON.parse(body);
      } catch {
        // recorded as is
      }
      received.push({ headers: req.headers, body, json });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise((r) => server.close(r)),
  };
}

/** Optional screenshots for reviewing the pages by eye (E2E_SCREENSHOT_DIR); nothing is asserted on them. */
async function snap(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.E2E_SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

function events(provider: string, n: number, status: "ok" | "error", ageMs: number) {
  const at = Date.now() - ageMs;
  return Array.from({ length: n }, (_, i) => ({
    id: `e2e-alert-${provider}-${status}-${i}-${at}`,
    timestamp: new Date(at + i * 100).toISOString(),
    provider,
    model: "e2e-model",
    status,
    usage: { inputTokens: 10, outputTokens: 5 },
    latencyMs: 100,
  }));
}

test("the owner creates a webhook channel and a monitor with its backtest, sees it fire once and acknowledges it", async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchConsole(page);
  const receiver = await startReceiver();
  const stamp = Date.now();
  const provider = `e2e-alerts-${stamp}`;
  const channelName = `e2e hook ${stamp}`;
  const monitorName = `e2e errors ${stamp}`;
  try {
    await signIn(page, DEMO);

    // 1. A webhook channel pointing at the receiver; its signing secret is shown once.
    await page.goto("/settings/channels");
    await page.getByLabel("Type").selectOption("webhook");
    await page.getByLabel("Channel name").fill(channelName);
    await page.getByLabel("URL").fill(receiver.url);
    await page.getByRole("button", { name: "Create channel" }).click();
    const secret = (await page.getByTestId("new-channel-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    await expect(page.getByTestId("channel-row").filter({ hasText: channelName })).toContainText("webhook");
    // Send test: an alert.test through the outbox; the row shows the attempt's outcome.
    const channelRow = page.getByTestId("channel-row").filter({ hasText: channelName });
    await channelRow.getByRole("button", { name: `Send test to ${channelName}` }).click();
    await expect(channelRow.getByTestId("channel-test-result")).toContainText("Delivered (HTTP 200)", { timeout: 40_000 });
    expect(receiver.received.filter((r) => r.json.type === "alert.test")).toHaveLength(1);
    await snap(page, "channels");

    // Some healthy traffic for the e2e provider, so the backtest has a series to draw.
    const keyRes = await page.request.post("/api/v1/keys", { data: { name: `e2e-alerts-${stamp}`, scopes: ["ingest"] } });
    expect(keyRes.status()).toBe(201);
    const auth = { authorization: `Bearer ${(await keyRes.json()).secret as string}` };
    const ok = await page.request.post("/api/v1/events", { headers: auth, data: { events: events(provider, 40, "ok", 4 * 60_000) } });
    expect((await ok.json()).accepted).toBe(40);

    // 2. The monitor, from the form: error_rate > 0.05 over 5m per provider, restricted to the e2e provider.
    await page.goto("/alerts/monitors/new");
    await page.getByLabel("Name", { exact: true }).fill(monitorName);
    await page.getByLabel("Measure").selectOption("error_rate");
    await page.getByLabel("Condition").selectOption("gt");
    await page.getByLabel("Window").fill("5m");
    await page.getByLabel("Alert threshold").fill("0.05");
    await page.getByRole("checkbox", { name: "Provider", exact: true }).check();
    await page.getByRole("button", { name: "Add filter" }).click();
    await page.getByLabel("Filter 1 dimension").selectOption("provider");
    await page.getByLabel("Filter 1 values").fill(provider);
    await page.getByRole("checkbox", { name: new RegExp(channelName) }).check();
    await page.getByRole("button", { name: "Run backtest" }).click();
    await expect(page.getByTestId("backtest-chart")).toBeVisible();
    await expect(page.getByTestId("backtest-chart")).toContainText(`provider=${provider}`);
    await expect(page.getByTestId("backtest-chart").locator(".recharts-reference-line")).toHaveCount(1);
    await snap(page, "monitor-form");

    // A server-side validation error is shown beside its field.
    await page.getByLabel("Window").fill("2m");
    await page.getByRole("button", { name: "Create monitor" }).click();
    await expect(page.locator(`[id$="-window-error"]`)).toContainText("must be a duration from 5m to 7d");
    await page.getByLabel("Window").fill("5m");
    await page.getByRole("button", { name: "Create monitor" }).click();
    await expect(page).toHaveURL(/\/alerts\/monitors$/);
    await expect(page.getByTestId("monitor-row").filter({ hasText: monitorName })).toContainText("> 0.05");

    // 3. A burst of errors for the e2e provider; the worker evaluates every UNITSCOPE_ALERT_EVAL_SECONDS.
    const burst = await page.request.post("/api/v1/events", { headers: auth, data: { events: events(provider, 30, "error", 20_000) } });
    expect((await burst.json()).accepted).toBe(30);

    await page.goto("/alerts");
    const row = page.getByTestId("firing-alert-row").filter({ hasText: monitorName });
    await expect
      .poll(
        async () => {
          await page.reload();
          return row.count();
        },
        { timeout: 120_000, intervals: [3_000] },
      )
      .toBe(1);
    await expect(row).toContainText(`provider=${provider}`);
    await expect(row).toContainText("critical");
    await snap(page, "alerts-firing");

    // 4. Exactly one alert.firing reached the receiver, for this provider's group, with a valid Standard Webhooks signature.
    const firing = () => receiver.received.filter((r) => r.json.type === "alert.firing");
    await expect.poll(() => firing().length, { timeout: 30_000 }).toBe(1);
    const [hit] = firing();
    expect(hit!.json.data?.alert?.group).toEqual({ provider });
    const id = String(hit!.headers["webhook-id"]);
    const ts = String(hit!.headers["webhook-timestamp"]);
    const expected = createHmac("sha256", Buffer.from(secret.slice("whsec_".length), "base64"))
      .update(`${id}.${ts}.${hit!.body}`)
      .digest("base64");
    expect(String(hit!.headers["webhook-signature"]).split(" ")).toContain(`v1,${expected}`);

    // 5. Acknowledge it in the UI.
    await row.getByRole("button", { name: `Acknowledge ${monitorName}` }).click();
    await expect(row.getByTestId("acknowledged-by")).toContainText("acknowledged by");
    await page.reload();
    await expect(page.getByTestId("firing-alert-row").filter({ hasText: monitorName }).getByTestId("acknowledged-by")).toContainText(
      "acknowledged",
    );

    // The alert's own page: its timeline and the delivery log of the firing notification.
    await page.getByRole("link", { name: monitorName }).first().click();
    await expect(page.getByTestId("alert-timeline")).toContainText("acknowledged");
    await expect(page.getByTestId("deliveries-table")).toContainText("alert.firing");
    await expect(page.getByTestId("deliveries-table")).toContainText("delivered");
    await snap(page, "alert-detail");
    expect(firing()).toHaveLength(1);
    // The deliberate 2m window above was refused (400) by the save and by the backtest: the browser logs those.
    expect(errors.filter((e) => !/status of 400 .*\/api\/v1\/monitors(\/preview)?\)$/.test(e))).toEqual([]);
  } finally {
    // Leave the shared database as found: the monitor (and its alerts) and the channel go.
    const monitors = ((await (await page.request.get("/api/v1/monitors")).json()).monitors ?? []) as { id: number; name: string }[];
    for (const m of monitors.filter((x) => x.name === monitorName)) await page.request.delete(`/api/v1/monitors/${m.id}`);
    const channels = ((await (await page.request.get("/api/v1/alert-channels")).json()).channels ?? []) as { id: number; name: string }[];
    for (const c of channels.filter((x) => x.name === channelName)) await page.request.delete(`/api/v1/alert-channels/${c.id}`);
    await receiver.close();
  }
});

test("a viewer reads alerts, monitors and channels without any control to change them", async ({ page }) => {
  await signIn(page, VIEWER);
  await page.goto("/alerts");
  await expect(page.getByRole("heading", { name: "Firing now" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New monitor" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Acknowledge / })).toHaveCount(0);
  await page.goto("/settings/channels");
  await expect(page.getByRole("heading", { name: "Notification channels" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create channel" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Send test/ })).toHaveCount(0);
  // The server refuses anyway.
  const refused = await page.request.post("/api/v1/alert-channels", {
    data: { name: "x", type: "webhook", config: { url: "http://127.0.0.1:9/x" } },
  });
  expect(refused.status()).toBe(403);
  await page.goto("/alerts/monitors/new");
  await expect(page).toHaveURL(/\/overview\?error=forbidden/);
});
