import type { Role } from "@/lib/auth/roles";
import type { Database } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { generateDemoEvents, type DemoEvent } from "./demo-events";
import { makeUser, makeWorkspace } from "./factories";

/**
 * The demo a new user lands in. Sign in as demo@unitscope.dev (owner) — or finance@, engineer@,
 * viewer@unitscope.dev — with the password from UNITSCOPE_DEMO_PASSWORD, by default `unitscope-demo`.
 * The default is public on purpose: it is printed at start-up and documented; set the variable on any
 * instance reachable by others.
 */
export const DEMO_DEFAULT_PASSWORD = "unitscope-demo";
export const DEMO_WORKSPACE = { slug: "demo", name: "Acme AI (demo)" } as const;
export const OTHER_WORKSPACE = { slug: "other", name: "Globex (second workspace)" } as const;
/** Fixed so every fresh install shows the same demo (only shifted to end at its start time). */
export const DEMO_SEED = 2026;
const DEMO_MEMBERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "demo@unitscope.dev", name: "Dana Demo", role: "owner" },
  { email: "finance@unitscope.dev", name: "Fran Finance", role: "finance" },
  { email: "engineer@unitscope.dev", name: "Eli Engineer", role: "engineer" },
  { email: "viewer@unitscope.dev", name: "Vic Viewer", role: "viewer" },
];
const OTHER_MEMBERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "other@unitscope.dev", name: "Olga Other", role: "owner" },
];
const OTHER_EVENTS = 600;
const BATCH = 5_000;

export type SeedDemoResult = { created: boolean; events: number; login: { email: string; password: string } };

export function demoPassword(env: NodeJS.ProcessEnv = process.env): string {
  return env.UNITSCOPE_DEMO_PASSWORD?.trim() || DEMO_DEFAULT_PASSWORD;
}

/**
 * Seeds once. The demo workspace holding events is the "done" marker, written last: a run interrupted
 * half-way (crash, Ctrl-C) is finished by the next start, and because ingestion is idempotent on
 * (workspace, id, timestamp) the events already stored are reported as duplicates, not stored twice.
 */
export async function seedDemo(db: Database, opts: { now?: Date; log?: (message: string) => void } = {}): Promise<SeedDemoResult> {
  const log = opts.log ?? (() => {});
  const login = { email: DEMO_MEMBERS[0]!.email, password: demoPassword() };

  const existing = await db.prisma.workspace.findUnique({ where: { slug: DEMO_WORKSPACE.slug }, select: { id: true } });
  if (existing && (await db.prisma.usageEvent.findFirst({ where: { workspaceId: existing.id }, select: { eventId: true } }))) {
    const events = await db.prisma.usageEvent.count({ where: { workspaceId: existing.id } });
    log(`demo workspace '${DEMO_WORKSPACE.slug}' already has ${events.toLocaleString("en-US")} events: not seeding again`);
    return { created: false, events, login };
  }

  const started = Date.now();
  const now = opts.now ?? new Date();

  // The second workspace first: isolation tests need it whenever the demo exists.
  const other = await ensureWorkspace(db, OTHER_WORKSPACE);
  await ensureMembers(db, OTHER_WORKSPACE.slug, OTHER_MEMBERS, login.password);
  const otherEvents = generateDemoEvents({ now, seed: "other", targetEvents: OTHER_EVENTS }).map(asOtherWorkspace);
  await ingestAll(db, other.id, otherEvents, () => {});

  const demo = await ensureWorkspace(db, DEMO_WORKSPACE);
  await ensureMembers(db, DEMO_WORKSPACE.slug, DEMO_MEMBERS, login.password);
  const events = generateDemoEvents({ now, seed: DEMO_SEED });
  log(`seeding the demo workspace '${DEMO_WORKSPACE.slug}' with ${events.length.toLocaleString("en-US")} events over 30 days…`);
  const stored = await ingestAll(db, demo.id, events, log);
  log(`demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { created: true, events: stored, login };
}

async function ensureWorkspace(db: Database, ws: { slug: string; name: string }): Promise<{ id: number }> {
  const found = await db.prisma.workspace.findUnique({ where: { slug: ws.slug }, select: { id: true } });
  if (found) return found;
  try {
    return await makeWorkspace(db.prisma, { slug: ws.slug, name: ws.name });
  } catch (err) {
    // Another process (a second server on the same Postgres) created it between our read and write.
    if (err instanceof ApiError && err.code === "conflict") {
      return db.prisma.workspace.findUniqueOrThrow({ where: { slug: ws.slug }, select: { id: true } });
    }
    throw err;
  }
}

async function ensureMembers(db: Database, slug: string, members: readonly { email: string; name: string; role: Role }[], password: string) {
  for (const m of members) {
    const member = await db.prisma.membership.findFirst({ where: { workspace: { slug }, user: { email: m.email } }, select: { role: true } });
    // An existing user keeps their password (createUser never changes it): the printed login assumes a fresh install.
    if (!member) await makeUser(db.prisma, { slug, role: m.role, email: m.email, name: m.name, password });
  }
}

/** Ingests in API-sized batches through the real pipeline (validation, pricing, set-based insert). */
async function ingestAll(db: Database, workspaceId: number, events: DemoEvent[], log: (m: string) => void): Promise<number> {
  let stored = 0;
  for (let i = 0; i < events.length; i += BATCH) {
    const r = await ingestEvents(db, workspaceId, events.slice(i, i + BATCH));
    if (r.rejected.length > 0) {
      // Demo data the contract refuses is a bug in the generator: fail loudly rather than show a partial demo.
      const first = r.rejected.slice(0, 3).map((x) => `#${i + x.index} ${x.code}: ${x.message}`);
      throw new Error(`ingestion rejected ${r.rejected.length} demo events (${first.join("; ")})`);
    }
    stored += r.accepted + r.duplicates;
    const done = Math.min(events.length, i + BATCH);
    if (done === events.length || (i / BATCH) % 6 === 5) log(`  ${done.toLocaleString("en-US")} / ${events.length.toLocaleString("en-US")} events`);
  }
  return stored;
}

// Tenants of the second workspace carry its name, so data leaking across workspaces is visible at a glance.
function asOtherWorkspace(e: DemoEvent): DemoEvent {
  return e.tenant ? { ...e, tenant: `globex-${e.tenant}` } : e;
}
