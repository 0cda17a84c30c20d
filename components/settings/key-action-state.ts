/** What the key server actions return to their forms (plain data: it crosses the server/client boundary). */
export type ActionError = { status: "error"; code: string; httpStatus: number; message: string };

export type CreateKeyState =
  | { status: "idle" }
  | { status: "created"; key: { id: number; name: string; prefix: string; scopes: string[] }; secret: string }
  | ActionError;

export type RevokeKeyState = { status: "idle" } | { status: "revoked" } | ActionError;
