/**
 * The decoded form of an OTLP trace export, whatever the wire encoding (protobuf or JSON). Only what
 * the mapping to usage events needs is kept; ids are lower-case hex, times are nanoseconds (bigint).
 */
export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };
export type Attributes = Record<string, AttrValue>;

export type OtlpSpan = {
  traceId: string;
  spanId: string;
  name: string;
  startNs: bigint;
  endNs: bigint;
  attributes: Attributes;
  /** 0 unset, 1 ok, 2 error (OTLP StatusCode). */
  statusCode: number;
  statusMessage: string;
  events: { name: string; timeNs: bigint; attributes: Attributes }[];
};

export type OtlpResourceSpans = {
  resource: Attributes;
  spans: OtlpSpan[];
};
