import { createKeySchema } from "@/lib/keys/key-schemas";
import { createWorkspaceKey } from "@/lib/keys/create-workspace-key";
import { listWorkspaceKeys, type KeyRow } from "@/lib/keys/list-workspace-keys";
import { route } from "@/lib/http/route";
import { sessionMember } from "@/lib/members/session-member";

function present(k: KeyRow) {
  return {
    ...k,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

/** The workspace's keys (no secrets, no hashes). Workspace from `x-unitscope-workspace` or the cookie. */
export const GET = route({ auth: "session", permission: "keys:read" }, async ({ db, workspace, actor }) => {
  const keys = await listWorkspaceKeys(db.prisma, sessionMember(workspace, actor));
  return { keys: keys.map(present) };
});

/** Creates a key; the response is the only time its secret is ever returned. */
export const POST = route({ auth: "session", permission: "keys:manage", body: createKeySchema }, async ({ db, body, workspace, actor }) => {
  const key = await createWorkspaceKey(db.prisma, sessionMember(workspace, actor), body);
  return Response.json(
    {
      key: { id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes, createdAt: key.createdAt.toISOString() },
      secret: key.secret,
    },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
});
