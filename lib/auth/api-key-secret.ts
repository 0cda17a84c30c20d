import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

/** What each scope grants is listed in key-scope-permissions.ts (`manage` mints neither keys nor members). */
export const API_KEY_SCOPES = ["ingest", "read", "manage"] as const;
export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

const SECRET_PREFIX = "usk_";
const VISIBLE_PREFIX_LENGTH = 12;

/**
 * A key secret is 192 random bits, so a fast sha256 is the right hash: there is nothing to brute-force,
 * and lookup by hash stays one indexed read per request (bcrypt would cost 250 ms per ingest call).
 */
export function generateApiKeySecret(): { secret: string; prefix: string; hash: string } {
  const secret = SECRET_PREFIX + randomBytes(24).toString("base64url");
  return { secret, prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH), hash: hashApiKeySecret(secret) };
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function looksLikeApiKey(secret: string): boolean {
  return secret.startsWith(SECRET_PREFIX) && secret.length >= 20 && secret.length <= 200;
}

export function parseScopes(input: string): ApiKeyScope[] {
  const parts = [
    ...new Set(
      input
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  return z.array(apiKeyScopeSchema).min(1).parse(parts);
}
