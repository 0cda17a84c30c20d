import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";

/** Who did it, as alert history shows it: the user's e-mail, or `api-key:<id>`. */
export async function actorLabel(db: Pick<Database, "sql">, actor: Actor): Promise<string> {
  if (actor.kind === "key") return `api-key:${actor.keyId}`;
  const [u] = await db.sql.query<{ email: string }>(`SELECT "email" FROM "users" WHERE "id" = $1`, [actor.userId]);
  return u?.email ?? `user:${actor.userId}`;
}
