import { randomUUID } from "node:crypto";
import { createApiKey } from "@/lib/auth/api-keys";
import type { ApiKeyScope } from "@/lib/auth/api-key-secret";
import type { Role } from "@/lib/auth/roles";
import type { PrismaDb } from "@/lib/db/open-database";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import type { CreateWorkspaceInput } from "@/lib/workspaces/workspace-schemas";
import type { CallUsage } from "./demo-calls";
import type { DemoEvent } from "./demo-events";
import { uid } from "./test-db";

/**
 * Factories shared by the demo seed and every test tier. They go through the real domain functions
 * (validation, hashing) so a test never builds a row the app itself could not have written.
 */

/** A password long enough for the policy, returned by makeUser so tests can sign in with it. */
export const FACTORY_PASSWORD = "factory-pass-1234";

export async function makeWorkspace(prisma: PrismaDb, overrides: Partial<CreateWorkspaceInput> = {}) {
  return createWorkspace(prisma, { ...overrides, slug: overrides.slug ?? uid("ws") });
}

export type MakeUserInput = ({ workspaceId: number; slug?: undefined } | { slug: string; workspaceId?: undefined }) & {
  role: Role;
  email?: string;
  name?: string;
  password?: string;
};

/** Creates (or reuses, by email) a user and makes them a member with `role`. Returns the password used. */
export async function makeUser(prisma: PrismaDb, input: MakeUserInput) {
  const workspaceSlug =
    input.slug ?? (await prisma.workspace.findUniqueOrThrow({ where: { id: input.workspaceId }, select: { slug: true } })).slug;
  const password = input.password ?? FACTORY_PASSWORD;
  const user = await createUser(prisma, {
    email: input.email ?? `${uid("user")}@example.test`,
    name: input.name,
    password,
    workspaceSlug,
    role: input.role,
  });
  return { ...user, password };
}

/** Creates an API key; the result carries the secret (the only time it exists outside the caller). */
export async function makeApiKey(
  prisma: PrismaDb,
  input: { workspaceId: number; scopes: ApiKeyScope[]; name?: string; createdById?: number | null },
) {
  return createApiKey(prisma, {
    workspaceId: input.workspaceId,
    name: input.name ?? uid("key"),
    scopes: input.scopes,
    createdById: input.createdById,
  });
}

export type MakeEventOverrides = Partial<Omit<DemoEvent, "usage">> & { usage?: Partial<CallUsage> };

/**
 * A valid contract event with a unique id: a successful, streamed gpt-4o-mini call one minute ago.
 * Usage overrides are merged into the default usage, so `{ usage: { outputTokens: 0 } }` keeps the rest.
 */
export function makeEvent(overrides: MakeEventOverrides = {}): DemoEvent {
  const { usage, ...rest } = overrides;
  return {
    id: `evt-${randomUUID()}`,
    timestamp: new Date(Date.now() - 60_000).toISOString(),
    provider: "openai",
    model: "gpt-4o-mini",
    region: "us-east",
    tenant: "acme",
    feature: "support-chat",
    route: "/chat/support",
    workloadClass: "interactive",
    attempt: 1,
    status: "ok",
    httpStatus: 200,
    latencyMs: 1_500,
    ttftMs: 400,
    queueMs: 5,
    ...rest,
    usage: { inputTokens: 1_200, outputTokens: 300, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, ...usage },
  };
}
