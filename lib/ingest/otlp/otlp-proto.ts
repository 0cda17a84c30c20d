import protobuf from "protobufjs";
import type { AttrValue, Attributes, OtlpResourceSpans, OtlpSpan } from "./otlp-model";

/**
 * The OTLP trace messages (opentelemetry-proto v1, collector/trace/v1), reduced to the fields we read
 * plus the response. No package ships the .proto files in node_modules (the OTel JS exporters encode by
 * hand), so the definitions are inlined; only field numbers and types matter on the wire, so one
 * package name serves all of them. Unknown fields (links, flags, trace_state…) are skipped by the decoder.
 */
const OTLP_TRACE_PROTO = `
syntax = "proto3";
package otlp;
message AnyValue {
  oneof value {
    string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4;
    ArrayValue array_value = 5; KeyValueList kvlist_value = 6; bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
message KeyValue { string key = 1; AnyValue value = 2; }
message Resource { repeated KeyValue attributes = 1; }
message InstrumentationScope { string name = 1; string version = 2; }
message Status { string message = 2; int32 code = 3; }
message SpanEvent { fixed64 time_unix_nano = 1; string name = 2; repeated KeyValue attributes = 3; }
message Span {
  bytes trace_id = 1; bytes span_id = 2; string name = 5; int32 kind = 6;
  fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8;
  repeated KeyValue attributes = 9; repeated SpanEvent events = 11; Status status = 15;
}
message ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
message ExportTracePartialSuccess { int64 rejected_spans = 1; string error_message = 2; }
message ExportTraceServiceResponse { ExportTracePartialSuccess partial_success = 1; }
message RpcStatus { int32 code = 1; string message = 2; }
`;

let types: { request: protobuf.Type; response: protobuf.Type; status: protobuf.Type } | undefined;

function otlpTypes() {
  if (!types) {
    const root = protobuf.parse(OTLP_TRACE_PROTO, { keepCase: true }).root;
    types = {
      request: root.lookupType("otlp.ExportTraceServiceRequest"),
      response: root.lookupType("otlp.ExportTraceServiceResponse"),
      status: root.lookupType("otlp.RpcStatus"),
    };
  }
  return types;
}

type LongLike = number | { low: number; high: number; unsigned?: boolean } | null | undefined;

function u64(v: LongLike): bigint {
  if (v == null) return 0n;
  if (typeof v === "number") return BigInt(Math.trunc(v));
  return (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
}

function i64(v: LongLike): number {
  if (typeof v === "number" || v == null) return v ?? 0;
  return Number(BigInt.asIntN(64, u64(v)));
}

const hex = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex") : "");

type PbAnyValue = {
  string_value?: string;
  bool_value?: boolean;
  int_value?: LongLike;
  double_value?: number;
  array_value?: { values?: PbAnyValue[] };
  kvlist_value?: { values?: PbKeyValue[] };
  bytes_value?: Uint8Array;
  value?: string;
};
type PbKeyValue = { key?: string; value?: PbAnyValue };

function anyValue(v: PbAnyValue | null | undefined): AttrValue {
  if (!v) return null;
  // The oneof's virtual `value` field names the member that was set.
  switch (v.value) {
    case "string_value":
      return v.string_value ?? "";
    case "bool_value":
      return v.bool_value ?? false;
    case "int_value":
      return i64(v.int_value);
    case "double_value":
      return v.double_value ?? 0;
    case "array_value":
      return (v.array_value?.values ?? []).map(anyValue);
    case "kvlist_value":
      return attributes(v.kvlist_value?.values);
    case "bytes_value":
      return Buffer.from(v.bytes_value ?? []).toString("base64");
    default:
      return null;
  }
}

function attributes(list: PbKeyValue[] | null | undefined): Attributes {
  const out: Attributes = {};
  for (const kv of list ?? []) if (kv.key) out[kv.key] = anyValue(kv.value);
  return out;
}

type PbSpan = {
  trace_id?: Uint8Array;
  span_id?: Uint8Array;
  name?: string;
  start_time_unix_nano?: LongLike;
  end_time_unix_nano?: LongLike;
  attributes?: PbKeyValue[];
  events?: { time_unix_nano?: LongLike; name?: string; attributes?: PbKeyValue[] }[];
  status?: { message?: string; code?: number };
};
type PbRequest = { resource_spans?: { resource?: { attributes?: PbKeyValue[] }; scope_spans?: { spans?: PbSpan[] }[] }[] };

/** Decodes a protobuf ExportTraceServiceRequest. Throws on bytes that are not one. */
export function decodeOtlpProtobuf(body: Uint8Array): OtlpResourceSpans[] {
  const msg = otlpTypes().request.decode(body) as unknown as PbRequest;
  return (msg.resource_spans ?? []).map((rs) => ({
    resource: attributes(rs.resource?.attributes),
    spans: (rs.scope_spans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((s): OtlpSpan => ({
        traceId: hex(s.trace_id),
        spanId: hex(s.span_id),
        name: s.name ?? "",
        startNs: u64(s.start_time_unix_nano),
        endNs: u64(s.end_time_unix_nano),
        attributes: attributes(s.attributes),
        statusCode: s.status?.code ?? 0,
        statusMessage: s.status?.message ?? "",
        events: (s.events ?? []).map((e) => ({ name: e.name ?? "", timeNs: u64(e.time_unix_nano), attributes: attributes(e.attributes) })),
      })),
    ),
  }));
}

/** Encodes an ExportTraceServiceResponse; partial success only when something was rejected or needs saying. */
/** A google.rpc.Status (code, message; no details), the body OTLP/HTTP prescribes for 4xx/5xx answers. */
export function encodeRpcStatus(code: number, message: string): Uint8Array {
  const t = otlpTypes().status;
  return t.encode(t.create({ code, message })).finish();
}

/** Reads a google.rpc.Status back (tests, and anyone checking what an exporter receives). */
export function decodeRpcStatus(body: Uint8Array): { code: number; message: string } {
  const t = otlpTypes().status;
  const m = t.toObject(t.decode(body), { defaults: true }) as { code: number; message: string };
  return { code: m.code, message: m.message };
}

export function encodeOtlpProtobufResponse(partial?: { rejectedSpans: number; errorMessage: string }): Uint8Array {
  const t = otlpTypes().response;
  const payload = partial ? { partial_success: { rejected_spans: partial.rejectedSpans, error_message: partial.errorMessage } } : {};
  return t.encode(t.create(payload)).finish();
}
