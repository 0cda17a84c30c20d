import { z } from "zod";
import { OUT_OF_RANGE_NANO, type AttrValue, type Attributes, type OtlpResourceSpans } from "./otlp-model";

/**
 * OTLP/JSON (the protobuf JSON mapping with OTLP's exceptions): lowerCamelCase field names, trace and
 * span ids as hex strings, 64-bit integers as decimal strings or numbers, enums as integers. Unknown
 * fields are ignored, as the spec requires of receivers.
 */
// Numbers above 2^53 (nanosecond timestamps) arrive already rounded by JSON.parse: still integers, still fine for ms.
const int64 = z.union([z.string().regex(/^-?\d+$/), z.number().refine(Number.isInteger, { error: "must be an integer" })]);
const hexId = z.string().regex(/^[0-9a-fA-F]*$/, { error: "ids must be hex strings in OTLP/JSON" });
const enumInt = z.union([z.number().int(), z.string()]);

type JsonAnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number | string;
  arrayValue?: { values?: JsonAnyValue[] };
  kvlistValue?: { values?: JsonKeyValue[] };
  bytesValue?: string;
};
type JsonKeyValue = { key: string; value?: JsonAnyValue };

const anyValue: z.ZodType<JsonAnyValue> = z.lazy(() =>
  z.looseObject({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: int64.optional(),
    doubleValue: z.union([z.number(), z.string()]).optional(),
    arrayValue: z.looseObject({ values: z.array(anyValue).optional() }).optional(),
    kvlistValue: z.looseObject({ values: z.array(keyValue).optional() }).optional(),
    bytesValue: z.string().optional(),
  }),
);
const keyValue: z.ZodType<JsonKeyValue> = z.lazy(() => z.looseObject({ key: z.string(), value: anyValue.optional() }));
const attributeList = z.array(keyValue).optional();

const span = z.looseObject({
  traceId: hexId.optional(),
  spanId: hexId.optional(),
  name: z.string().optional(),
  startTimeUnixNano: int64.optional(),
  endTimeUnixNano: int64.optional(),
  attributes: attributeList,
  events: z.array(z.looseObject({ timeUnixNano: int64.optional(), name: z.string().optional(), attributes: attributeList })).optional(),
  status: z.looseObject({ code: enumInt.optional(), message: z.string().optional() }).optional(),
});

export const otlpJsonRequestSchema = z.looseObject({
  resourceSpans: z
    .array(
      z.looseObject({
        resource: z.looseObject({ attributes: attributeList }).optional(),
        scopeSpans: z.array(z.looseObject({ spans: z.array(span).optional() })).optional(),
      }),
    )
    .optional(),
});

function value(v: JsonAnyValue | undefined): AttrValue {
  if (!v) return null;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return Number(v.doubleValue);
  if (v.arrayValue !== undefined) return (v.arrayValue.values ?? []).map(value);
  if (v.kvlistValue !== undefined) return attrs(v.kvlistValue.values);
  if (v.bytesValue !== undefined) return v.bytesValue;
  return null;
}

function attrs(list: JsonKeyValue[] | undefined): Attributes {
  const out: Attributes = {};
  for (const kv of list ?? []) out[kv.key] = value(kv.value);
  return out;
}

/**
 * An int64 field as a bigint. A decimal string longer than any 64-bit integer is not parsed (BigInt of
 * megabytes of digits takes seconds): it is out of range whatever its digits.
 */
function nanos(v: string | number | undefined): bigint {
  if (v === undefined) return 0n;
  if (typeof v === "string" && v.length > 20) return OUT_OF_RANGE_NANO;
  return BigInt(v);
}

const STATUS_NAMES: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

/** Decodes a parsed OTLP/JSON body; throws a ZodError when its structure is not an export request. */
export function decodeOtlpJson(parsed: unknown): OtlpResourceSpans[] {
  const req = otlpJsonRequestSchema.parse(parsed);
  return (req.resourceSpans ?? []).map((rs) => ({
    resource: attrs(rs.resource?.attributes),
    spans: (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((s) => {
        const code = s.status?.code;
        return {
          traceId: (s.traceId ?? "").toLowerCase(),
          spanId: (s.spanId ?? "").toLowerCase(),
          name: s.name ?? "",
          startNs: nanos(s.startTimeUnixNano),
          endNs: nanos(s.endTimeUnixNano),
          attributes: attrs(s.attributes),
          statusCode: typeof code === "string" ? (STATUS_NAMES[code] ?? Number(code)) || 0 : (code ?? 0),
          statusMessage: s.status?.message ?? "",
          events: (s.events ?? []).map((e) => ({
            name: e.name ?? "",
            timeNs: nanos(e.timeUnixNano),
            attributes: attrs(e.attributes),
          })),
        };
      }),
    ),
  }));
}
