import type { PrismaDb } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";
import { generateApiKeySecret, hashApiKeySecret, looksLikeApiKey, type ApiKeyScope } from "./api-key-secret";

export type KeyPrincipal = {
  keyId: number;
  scopes: ApiKeyScope[];
  workspace: { id: number; slug: string; name: string; timezone: string };
};

/** Creates a key and returns its secret: the only moment the secret exists outside the caller's hands. */
export async function createApiKey(
  prisma: PrismaDb,
  input: { workspaceId: number; name: string; scopes: ApiKeyScope[]; createdById?: number | null },
) {
  const { secret, prefix, hash } = generateApiKeySecret();
  const key = await prisma.apiKey.create({
    data: { workspaceId: input.workspaceId, name: input.name, scopes: input.scopes, prefix, hash, createdById: input.createdById ?? null },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true },
  });
  return { ...key, secret };
}

export async function revokeApiKey(prisma: PrismaDb, workspaceId: number, keyId: number) {
  // Scoped by workspace so an id from another workspace is simply not found.
  const r = await prisma.apiKey.updateMany({ where: { id: keyId, workspaceId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (r.count === 0) throw new ApiError("not_found", `no active API key ${keyId} in this workspace`);
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a bearer secret to its workspace, or throws 401. Revoked keys are refused. */
export async function authenticateApiKey(prisma: PrismaDb, secret: string): Promise<KeyPrincipal> {
  if (!looksLikeApiKey(secret)) throw new ApiError("unauthorized", "invalid API key");
  const key = await prisma.apiKey.findUnique({
    where: { hash: hashApiKeySecret(secret) },
    select: {
      id: true,
      scopes: true,
      revokedAt: true,
      lastUsedAt: true,
      workspace: { select: { id: true, slug: true, name: true, timezone: true } },
    },
  });
  if (!key) throw new ApiError("unauthorized", "invalid API key");
  if (key.revokedAt) throw new ApiError("unauthorized", "this API key was revoked");
  // Written at most once a minute per key: an ingest stream must not turn every request into a row update.
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(now) } }).catch(() => undefined);
  }
  return { keyId: key.id, scopes: key.scopes as ApiKeyScope[], workspace: key.workspace };
}
