import type { z } from "zod";
import { actorCan, forbiddenError, type Actor } from "@/lib/auth/actor";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import type { Permission } from "@/lib/auth/roles";
import { getSessionUserId } from "@/lib/auth/session";
import { resolveSessionAccess, WORKSPACE_HEADER, type WorkspaceRef } from "@/lib/auth/workspace-access";
import { getDb, type Database } from "@/lib/db/client";
import { ApiError } from "./errors";
import { readJsonBody } from "./read-json-body";
import { databaseUnavailableError, errorResponse, toApiError, zodIssues } from "./respond";

/**
 * public  – no credentials.
 * session – a signed-in user (cookie); workspace from `x-unitscope-workspace` header or cookie.
 * ingest  – an API key with the ingest scope.
 * read    – a session, or an API key whose scopes grant `permission` (default dashboards:read: the read scope).
 * manage  – the same for a management `permission` (required): a session with it, or a key with the manage scope.
 */
export type AuthMode = "public" | "session" | "ingest" | "read" | "manage";

type Ctx<A extends AuthMode, B, Q> = {
  req: Request;
  params: Record<string, string | string[]>;
  body: B;
  query: Q;
  db: Database;
} & (A extends "public" ? { workspace?: undefined; actor?: undefined } : { workspace: WorkspaceRef; actor: Actor });

type Options<A extends AuthMode, BS extends z.ZodType | undefined, QS extends z.ZodType | undefined> = {
  auth: A;
  /** Parsed from a JSON body. Omit to read the body yourself (streams, NDJSON, protobuf). */
  body?: BS;
  /** Largest JSON body in bytes (default DEFAULT_JSON_BODY_LIMIT, 1 MB). */
  bodyLimit?: number;
  /** Parsed from the URL's search params (single values as strings). */
  query?: QS;
  /** Required of the actor: a user's role, or an API key's scopes (lib/auth/key-scope-permissions.ts). */
  permission?: Permission;
  /** Answers errors in a protocol's own error body (OTLP) instead of our JSON shape. */
  formatError?: (err: ApiError, req: Request) => Response;
};

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export function route<A extends AuthMode, BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  opts: Options<A, BS, QS>,
  handler: (ctx: Ctx<A, Infer<BS>, Infer<QS>>) => Promise<Response | unknown>,
) {
  return async (req: Request, routeCtx?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    try {
      const params = (await routeCtx?.params) ?? {};
      const db = await connect();
      const principal = opts.auth === "public" ? {} : await authenticate(req, opts.auth, db, opts.permission);
      const query = opts.query ? parseWith(opts.query, Object.fromEntries(new URL(req.url).searchParams), "invalid_query") : undefined;
      const body = opts.body ? parseWith(opts.body, await readJsonBody(req, opts.bodyLimit), "invalid_body") : undefined;
      const result = await handler({ req, params, db, body, query, ...principal } as Ctx<A, Infer<BS>, Infer<QS>>);
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      const context = `${req.method} ${new URL(req.url).pathname}`;
      return opts.formatError ? opts.formatError(toApiError(err, context), req) : errorResponse(err, context);
    }
  };
}

async function connect(): Promise<Database> {
  try {
    return await getDb();
  } catch (err) {
    console.error("[api] database unavailable:", err instanceof Error ? err.message : err);
    throw databaseUnavailableError();
  }
}

function parseWith<S extends z.ZodType>(schema: S, input: unknown, code: "invalid_body" | "invalid_query"): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success)
    throw new ApiError(code, code === "invalid_body" ? "the request body is invalid" : "the query string is invalid", zodIssues(r.error));
  return r.data;
}

function bearer(req: Request): string | null {
  const h = req.headers.get("authorization");
  const m = h?.match(/^Bearer\s+(\S+)\s*$/i);
  return m?.[1] ?? null;
}

async function authenticate(req: Request, mode: Exclude<AuthMode, "public">, db: Database, permission?: Permission) {
  // A management route without its permission would let any key or member through: a programming error.
  if (mode === "manage" && !permission) throw new Error("route(): auth 'manage' needs a permission");
  const secret = bearer(req);
  if (secret !== null) {
    // The key is checked first: an unknown or revoked one is 401 everywhere; a valid one is the wrong
    // kind of credential here (403).
    const key = await authenticateApiKey(db.prisma, secret);
    if (mode === "session") throw new ApiError("forbidden", "this endpoint needs a signed-in user, not an API key");
    const actor: Actor = { kind: "key", keyId: key.keyId, scopes: key.scopes };
    if (mode === "ingest") {
      if (!key.scopes.includes("ingest")) throw new ApiError("forbidden", "this API key lacks the 'ingest' scope");
    } else {
      // Scopes grant permissions from an explicit list (lib/auth/key-scope-permissions.ts); a route
      // that names none is a plain read.
      const needed = permission ?? "dashboards:read";
      if (!actorCan(actor, needed)) throw forbiddenError(actor, needed);
    }
    return { workspace: key.workspace, actor };
  }
  if (mode === "ingest") throw new ApiError("unauthorized", "send an API key with the ingest scope as 'Authorization: Bearer <key>'");
  const userId = await getSessionUserId();
  if (userId === null) throw new ApiError("unauthorized", "sign in or send an API key as 'Authorization: Bearer <key>'");
  // Same resolution as pages (workspace-access.ts): a stale cookie falls back, an explicit header does not.
  const header = req.headers.get(WORKSPACE_HEADER);
  const cookie = header ? null : cookieValue(req, "unitscope_workspace");
  const access = await resolveSessionAccess(db.prisma, userId, { header, cookie });
  if (!access) throw new ApiError("forbidden", header ? `you are not a member of workspace '${header}'` : "you belong to no workspace");
  const actor: Actor = { kind: "user", userId, role: access.role };
  if (permission && !actorCan(actor, permission)) throw forbiddenError(actor, permission);
  return { workspace: access.workspace, actor };
}

/** A cookie's value; a malformed one (bad %-escape) is ignored as pages ignore it (Next's cookies()). */
function cookieValue(req: Request, name: string): string | null {
  const raw = req.headers.get("cookie");
  if (!raw) return null;
  for (const part of raw.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return null;
    }
  }
  return null;
}
