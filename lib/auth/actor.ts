import type { ApiKeyScope } from "./api-key-secret";
import type { Role } from "./roles";

/** Who is acting: a signed-in user with a role in the workspace, or an API key with scopes. */
export type Actor = { kind: "user"; userId: number; role: Role } | { kind: "key"; keyId: number; scopes: ApiKeyScope[] };
