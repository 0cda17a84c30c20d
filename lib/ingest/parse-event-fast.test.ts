import { describe, expect, it } from "vitest";
import { z } from "zod";
import { usageEventObjectSchema, usageEventSchema } from "./event-schema";
import { FAST_EVENT_FIELDS, isoToMs, parseEventFast } from "./parse-event-fast";
import { sampleEvents } from "./sample-events";

/**
 * The fast path must be the schema, only cheaper: for every input it either returns exactly what the
 * schema returns, or (only for inputs the schema refuses, or objects with an unusual prototype)
 * undefined. Checked on plain events of every shape and on thousands of single- and double-field
 * mutations with values chosen at every boundary the schema has.
 */

const NOW = Date.parse("2026-11-22T12:00:00.000Z");

const full = {
  id: "evt-1",
  timestamp: "2026-11-22T13:30:00.123456+02:00",
  provider: "openai",
  model: "gpt-4o-mini",
  region: "eu-west-1",
  tenant: " acme ",
  feature: "search",
  route: "/api/search",
  workloadClass: "batch",
  taskId: "task-9",
  attempt: 2,
  fallbackFrom: "anthropic/claude-sonnet-4-5",
  status: "error",
  errorType: "server_error",
  httpStatus: 500,
  usage: {
    inputTokens: 1200,
    outputTokens: 300,
    cacheReadTokens: 1000,
    cacheWriteTokens: 100,
    cacheWrite1hTokens: 50,
    reasoningTokens: 20,
  },
  latencyMs: 1234.6,
  ttftMs: 200.2,
  queueMs: 3,
  costUsd: "0.0000123",
  metadata: { experiment: "b", nested: { a: [1, 2] } },
};

const usages: [string | undefined, unknown][] = [
  [undefined, { inputTokens: 10, outputTokens: 2 }],
  [
    "openai.chat",
    {
      prompt_tokens: 10,
      completion_tokens: 4,
      prompt_tokens_details: { cached_tokens: 8, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 3 },
      total_tokens: 14,
    },
  ],
  ["openai.responses", { input_tokens: 10, output_tokens: 4, input_tokens_details: { cached_tokens: 2 }, output_tokens_details: null }],
  [
    "anthropic",
    {
      input_tokens: 5,
      output_tokens: 7,
      cache_creation_input_tokens: 100,
      cache_read_input_tokens: 30,
      cache_creation: { ephemeral_5m_input_tokens: 60, ephemeral_1h_input_tokens: 40 },
    },
  ],
  ["anthropic", { input_tokens: 5, output_tokens: 7, cache_creation: { ephemeral_5m_input_tokens: 60, ephemeral_1h_input_tokens: 40 } }],
];

/** An object `levels` deep: { a: { a: … 1 } } with `levels` objects. */
function nest(levels: number): Record<string, unknown> {
  let o: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < levels; i++) o = { a: o };
  return o;
}

const longText = "x".repeat(256);
const BOUNDARY_VALUES: unknown[] = [
  undefined,
  null,
  "",
  " ",
  "  x  ",
  "x\u0000y",
  longText,
  `${longText}x`,
  ` ${longText} `,
  "\u00a0a\u2028",
  "ok",
  "batch",
  "flex",
  "openai/gpt-4o",
  "/gpt",
  "openai/",
  " openai/gpt-4o ",
  "a b/c",
  "openai.chat",
  "anthropic",
  "gemini",
  0,
  -0,
  1,
  -1,
  0.4,
  0.5,
  1.5,
  99,
  100,
  599,
  600,
  1000,
  1001,
  86_400_000,
  86_400_000.4,
  86_400_001,
  1e8,
  1e8 + 1,
  1e12,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "12",
  "12 dollars",
  " 1.5 ",
  "1e-7",
  "-0.01",
  1e9,
  true,
  false,
  {},
  [],
  [1],
  { a: 1 },
  { a: "x\u0000y" },
  { blob: "é".repeat(6000) },
  "2026-11-22T11:59:00.000Z",
  "2026-11-22T11:59:00Z",
  "2026-11-22T11:59:00",
  "2026-02-30T11:00:00Z",
  "2028-02-29T00:00:00+14:00",
  "2026-11-22T11:59:00.5-24:00",
  "2026-11-22T11:59:00.5-23:59",
  "2026-11-22 11:59:00Z",
  // Ill-formed UTF-16 (issue 10, item 4): a lone surrogate anywhere in a text, a paired one is fine.
  "\ud800",
  "x\udc00y",
  "openai/gpt-\udbff",
  "\u{1F600}",
  "openai/gpt-\u{1F600}",
  { "k\ud800": 1 },
  { a: ["\udfff"] },
  { text: "\\ud800 \\u0000" },
  nest(32),
  nest(33),
  // Decimal strings at the bounds of decimal-input.ts (issue 10, item 1).
  "1e-40",
  "1e-41",
  "1E+5",
  "1.5e3",
  `0.${"0".repeat(38)}1`,
  `0.${"0".repeat(39)}1`,
  "100000.0000000001",
];
const USAGE_VALUES: unknown[] = [undefined, null, -1, 0, 5, 6, 1.5, 1e8, 1e8 + 1, "5", { cached_tokens: 1 }, {}, []];

function rand(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function check(item: unknown) {
  const parsed = parseEventFast(item);
  // The fast path carries the instant as epoch ms; as a Date it must be the schema's event.
  let fast: Record<string, unknown> | undefined;
  if (parsed) {
    const { timestampMs, ...rest } = parsed;
    fast = { ...rest, timestamp: new Date(timestampMs) };
  }
  const slow = usageEventSchema.safeParse(item);
  if (fast === undefined) {
    // Only refusals (or unusual prototypes, not generated here) may leave the decision to the schema.
    expect(slow.success, `the fast path refused a valid event: ${JSON.stringify(item)}`).toBe(false);
  } else {
    expect(slow.success, `the fast path accepted an invalid event: ${JSON.stringify(item)}`).toBe(true);
    expect(fast).toStrictEqual({ ...slow.data });
  }
  return fast !== undefined;
}

describe("parseEventFast", () => {
  it("knows every field of the schema and tests the schema's own timestamp pattern", () => {
    expect([...FAST_EVENT_FIELDS].sort()).toEqual(Object.keys(usageEventObjectSchema.shape).sort());
    const schemaPattern = (usageEventObjectSchema.shape.timestamp as unknown as { _zod: { pattern: RegExp } })._zod.pattern;
    expect(String(schemaPattern)).toBe(String(z.regexes.datetime({ offset: true })));
  });

  it("returns exactly the schema's event for sample events, every optional field and every usage format", () => {
    for (const e of sampleEvents(500, { seed: 5, end: new Date(NOW) })) expect(check(e)).toBe(true);
    expect(check(full)).toBe(true);
    for (const [usageFormat, usage] of usages) expect(check({ ...full, usageFormat, usage })).toBe(true);
    expect(check(JSON.parse(JSON.stringify({ ...full, region: null, tenant: null, attempt: null, costUsd: 0.25 })))).toBe(true);
  });

  it("agrees with the schema on every single-field mutation at the schema's boundaries", () => {
    let fastOnes = 0;
    for (const field of FAST_EVENT_FIELDS) {
      for (const value of BOUNDARY_VALUES) if (check({ ...full, [field]: value })) fastOnes++;
    }
    for (const [usageFormat, usage] of usages) {
      for (const key of Object.keys(usage as object)) {
        for (const value of USAGE_VALUES) check({ ...full, usageFormat, usage: { ...(usage as object), [key]: value } });
      }
      check({ ...full, usageFormat, usage: { ...(usage as object), extra: 1 } });
    }
    check({ ...full, unknownField: 1 });
    check({ ...full, ["__proto__"]: 1 });
    check(JSON.parse(`{"id":"a","__proto__":{"x":1}}`));
    expect(fastOnes).toBeGreaterThan(200);
  });

  it("agrees with the schema on random pairs of mutations", () => {
    const r = rand(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    let fastOnes = 0;
    for (let i = 0; i < 4000; i++) {
      const [usageFormat, usage] = pick(usages);
      const item: Record<string, unknown> = { ...full, usageFormat, usage: { ...(usage as object) } };
      for (let m = 0; m < 2; m++) item[pick(FAST_EVENT_FIELDS)] = pick(BOUNDARY_VALUES);
      const u = item.usage;
      if (typeof u === "object" && u !== null && !Array.isArray(u) && r() < 0.5) {
        (u as Record<string, unknown>)[pick(Object.keys(usage as object))] = pick(USAGE_VALUES);
      }
      if (check(item)) fastOnes++;
    }
    expect(fastOnes).toBeGreaterThan(100); // the mix keeps a fair share of valid events
  });

  it("leaves objects with another prototype to the schema", () => {
    class Event {
      constructor(readonly e: object) {
        Object.assign(this, e);
      }
    }
    expect(parseEventFast(new Event(full))).toBeUndefined();
    expect(parseEventFast(Object.create({ extra: 1 }))).toBeUndefined();
  });

  it("reads timestamps to the millisecond exactly as Date.parse does", () => {
    const r = rand(11);
    const pad = (n: number, w: number) => String(n).padStart(w, "0");
    const samples = [
      "0000-01-01T00:00:00Z",
      "0050-03-01T00:00:00+01:00",
      "1969-12-31T23:59:59.999Z",
      "2028-02-29T23:59:59.9999999-23:59",
      "9999-12-31T23:59:59.999+14:00",
    ];
    for (let i = 0; i < 20_000; i++) {
      const d = new Date(Math.floor((r() - 0.2) * 2 ** 45));
      if (d.getUTCFullYear() < 0 || d.getUTCFullYear() > 9999) continue;
      const frac = r() < 0.3 ? "" : `.${Array.from({ length: 1 + Math.floor(r() * 9) }, () => Math.floor(r() * 10)).join("")}`;
      const zone = r() < 0.4 ? "Z" : `${r() < 0.5 ? "+" : "-"}${pad(Math.floor(r() * 24), 2)}:${pad(Math.floor(r() * 60), 2)}`;
      samples.push(
        `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}${frac}${zone}`,
      );
    }
    for (const s of samples) {
      expect(z.regexes.datetime({ offset: true }).test(s), s).toBe(true);
      expect(isoToMs(s), s).toBe(Date.parse(s));
    }
  });
});
