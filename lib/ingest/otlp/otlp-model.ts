/**
 * The decoded form of an OTLP trace export, whatever the wire encoding (protobuf or JSON). Only what
 * the mapping to usage events needs is kept; ids are lower-case hex, times are nanoseconds (bigint).
 */
export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };
export type Attributes = Record<string, AttrValue>;

/**
 * OTLP times are fixed64 nanoseconds since 1970 (up to the year 2554, every one a valid Date). OTLP/JSON
 * can write any integer: a time outside [0, MAX_UNIX_NANO] is refused with its span (issue 10: one was a
 * RangeError 500), and decoders map integers too long to be one to OUT_OF_RANGE_NANO without parsing them.
 */
export const MAX_UNIX_NANO = 2n ** 64n - 1n;
export const OUT_OF_RANGE_NANO = MAX_UNIX_NANO + 1n;

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
