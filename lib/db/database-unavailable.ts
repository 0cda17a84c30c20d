// Network errors of the socket to the database.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
// Prisma's own codes for an unreachable / closed / saturated database (P2039 and P2010 are generic
// wrappers: their driver error, in meta.driverAdapterError, decides).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Connection kinds of @prisma/adapter-pg's DriverAdapterError cause (socket errors and 53300).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|server closed the connection|connection refused|database.*not reachable|can't reach database|not currently accepting connections/i;

/**
 * SQLSTATEs meaning "the server cannot take this now", not "this statement is wrong":
 * class 08 (connection exception), class 53 (insufficient resources: too many connections, disk full,
 * out of memory), 57P01–57P05 (admin/crash shutdown, cannot connect now, database dropped, idle
 * session timeout). 55000 is "object not in prerequisite state", which a statement can also raise
 * (currval before nextval): only the connection-time FATAL form ("database is not currently
 * accepting connections", ALLOW_CONNECTIONS false) is an outage.
 */
function isUnavailableSqlState(code: string, severity: unknown, message: unknown): boolean {
  if (code.startsWith("08") || code.startsWith("53") || /^57P0\d$/.test(code)) return true;
  return code === "55000" && (severity === "FATAL" || (typeof message === "string" && /accepting connections/i.test(message)));
}

/**
 * True when err says the database could not be reached or refuses work for now, as opposed to a bad
 * statement. The one classifier of outages: route errors (lib/http/respond.ts → 503 + Retry-After),
 * pages (the shell's "database unavailable" state) and sign-in use it. Looks through the wrappers the
 * drivers use: `cause` chains, AggregateError (pg connecting to several addresses), and Prisma's
 * `meta.driverAdapterError` whose `cause` carries the SQLSTATE (`code`/`originalCode`) or a `kind`.
 * The pg pools reconnect by themselves once the server is back, so no restart is needed.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  return classify(err, 0);
}

function classify(err: unknown, depth: number): boolean {
  if (depth > 6 || typeof err !== "object" || err === null) return false;
  const e = err as {
    code?: unknown;
    originalCode?: unknown;
    severity?: unknown;
    message?: unknown;
    cause?: unknown;
    kind?: unknown;
    meta?: unknown;
  };
  const code = typeof e.code === "string" ? e.code : "";
  const sqlState = typeof e.originalCode === "string" ? e.originalCode : code;
  if (NETWORK_CODES.has(code) || PRISMA_CODES.has(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(sqlState) && isUnavailableSqlState(sqlState, e.severity, e.message)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  if (err instanceof AggregateError && err.errors.some((x) => classify(x, depth + 1))) return true;
  const meta = e.meta as { driverAdapterError?: unknown } | undefined;
  if (typeof meta === "object" && meta !== null && classify(meta.driverAdapterError, depth + 1)) return true;
  return classify(e.cause, depth + 1);
}
