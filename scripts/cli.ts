// `npm run cli -- <command>`: workspace, user and API key administration for automation and tests.
// Opens the same database as the app (DATABASE_URL or the embedded directory). With the embedded
// database it refuses while the app runs, because PGlite allows one process per data directory.
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { parseScopes } from "@/lib/auth/api-key-secret";
import { resolveDbConfig } from "@/lib/db/config";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

const USAGE = `usage:
  npm run cli -- workspace create <slug> [--name "Acme"] [--timezone Europe/Berlin]
  npm run cli -- workspace list
  npm run cli -- user create <email> --workspace <slug> --role owner|admin|engineer|finance|viewer [--password <pw>] [--name <name>]
                 (without --password the password is read from standard input)
  npm run cli -- key create --workspace <slug> --scope ingest,read,manage [--name <name>]   (the secret is the last line)
                 (scopes: ingest = send events; read = query metrics, prices, contracts;
                  manage = change contracts, re-pricing, alerts, SLOs, budgets; never keys or members)
  npm run cli -- key list --workspace <slug>
  npm run cli -- key revoke <id> --workspace <slug>`;

class UsageError extends Error {}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string" },
    timezone: { type: "string" },
    workspace: { type: "string" },
    role: { type: "string" },
    password: { type: "string" },
    scope: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError("give --password, or pipe the password on standard input");
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function workspaceId(db: Database, slug: string | undefined): Promise<number> {
  if (!slug) throw new UsageError("--workspace <slug> is required");
  const ws = await db.prisma.workspace.findUnique({ where: { slug } });
  if (!ws) throw new ApiError("not_found", `no workspace '${slug}'`);
  return ws.id;
}

async function main(db: Database, [noun, verb, arg]: string[]): Promise<void> {
  const cmd = `${noun} ${verb}`;
  if (cmd === "workspace create") {
    if (!arg) throw new UsageError("workspace create needs a <slug>");
    const ws = await createWorkspace(db.prisma, { slug: arg, name: values.name, timezone: values.timezone });
    console.log(`created workspace ${ws.slug} (id ${ws.id}, timezone ${ws.timezone})`);
  } else if (cmd === "workspace list") {
    for (const ws of await db.prisma.workspace.findMany({ orderBy: { slug: "asc" } }))
      console.log(`${ws.slug}\t${ws.name}\t${ws.timezone}`);
  } else if (cmd === "user create") {
    if (!arg) throw new UsageError("user create needs an <email>");
    if (!values.workspace || !values.role) throw new UsageError("--workspace and --role are required");
    const password = values.password ?? (await readStdin());
    const u = await createUser(db.prisma, {
      email: arg,
      name: values.name,
      password,
      workspaceSlug: values.workspace,
      role: values.role as never,
    });
    console.log(
      u.existingUser
        ? `added existing user ${u.email} as ${u.role} of ${u.workspace}; their password is unchanged (the one given was not used)`
        : `created ${u.email} as ${u.role} of ${u.workspace}`,
    );
  } else if (cmd === "key create") {
    if (!values.scope) throw new UsageError("--scope is required (one or more of ingest,read,manage)");
    const scopes = parseScopes(values.scope);
    const key = await createApiKey(db.prisma, { workspaceId: await workspaceId(db, values.workspace), name: values.name ?? "cli", scopes });
    console.log(`created API key ${key.id} (${key.prefix}…, scopes ${key.scopes.join(",")}); the secret is shown once:`);
    console.log(key.secret);
  } else if (cmd === "key list") {
    const keys = await db.prisma.apiKey.findMany({
      where: { workspaceId: await workspaceId(db, values.workspace) },
      orderBy: { id: "asc" },
    });
    for (const k of keys)
      console.log(
        `${k.id}\t${k.prefix}…\t${k.scopes.join(",")}\t${k.name}\t${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active"}`,
      );
  } else if (cmd === "key revoke") {
    const id = Number(arg);
    if (!Number.isInteger(id)) throw new UsageError("key revoke needs a numeric <id>");
    await revokeApiKey(db.prisma, await workspaceId(db, values.workspace), id);
    console.log(`revoked API key ${id}`);
  } else {
    throw new UsageError(`unknown command '${[noun, verb].filter(Boolean).join(" ")}'`);
  }
}

if (values.help || positionals.length === 0) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 64);
}

let db: Database | undefined;
try {
  db = await openDatabase(resolveDbConfig(), "the Unitscope CLI");
  await main(db, positionals);
  await db.close();
} catch (err) {
  await db?.close();
  if (err instanceof DataDirLockedError) {
    console.error(`error: ${err.message}`);
    process.exit(75); // EX_TEMPFAIL: retry after stopping the app
  }
  if (err instanceof UsageError) console.error(`error: ${err.message}\n${USAGE}`);
  else if (err instanceof ApiError) console.error(`error: ${err.message}`);
  else if (err instanceof ZodError)
    console.error(`error: ${err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`);
  else console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof UsageError ? 64 : 1);
}
