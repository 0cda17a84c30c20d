import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
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
const DEMO_OWNER = { email: "demo@unitscope.dev", name: "Dana Demo", role: "owner" } as const;
/** A member of both workspaces: the demo shows the workspace switcher, and the e2e tier switches with it. */
export const DEMO_ANALYST = { email: "analyst@unitscope.dev", name: "Ari Analyst", role: "viewer" } as const;
// Owner last: its membership, written after the events, marks a complete seed.
const DEMO_MEMBERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "finance@unitscope.dev", name: "Fran Finance", role: "finance" },
  { email: "engineer@unitscope.dev", name: "Eli Engineer", role: "engineer" },
  { email: "viewer@unitscope.dev", name: "Vic Viewer", role: "viewer" },
  DEMO_ANALYST,
  DEMO_OWNER,
];
const OTHER_MEMBERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "other@unitscope.dev", name: "Olga Other", role: "owner" },
  DEMO_ANALYST,
];
const OTHER_EVENTS = 600;
const BATCH = 5_000;

export type SeedDemoResult = { created: boolean; events: number; login: { email: string; password: string } };

export function demoPassword(env: NodeJS.ProcessEnv = process.env): string {
  return env.UNITSCOPE_DEMO_PASSWORD?.trim() || DEMO_DEFAULT_PASSWORD;
}

/**
 * Seeds once. Completion is marked by the demo workspace holding events AND its owner's membership, which
 * is written last: a run interrupted half-way (crash, Ctrl-C) is finished by the next start. The events are
 * anchored at the workspace's creation time, so a resumed run regenerates exactly the same (id, timestamp)
 * pairs and ingestion, idempotent on them, reports the ones already stored as duplicates.
 */
export async function seedDemo(db: Database, opts: { now?: Date; log?: (message: string) => void } = {}): Promise<SeedDemoResult> {
  const log = opts.log ?? (() => {});
  const owner = DEMO_OWNER;
  const login = { email: owner.email, password: demoPassword() };

  const existing = await db.prisma.workspace.findUnique({ where: { slug: DEMO_WORKSPACE.slug }, select: { id: true, name: true } });
  if (existing && (await db.prisma.usageEvent.findFirst({ where: { workspaceId: existing.id }, select: { eventId: true } }))) {
    const ownerMember = await db.prisma.membership.findFirst({ where: { workspaceId: existing.id, user: { email: owner.email } } });
    // A 'demo' workspace someone made by hand (other name, own events) is left alone, never topped up.
    if (ownerMember || existing.name !== DEMO_WORKSPACE.name) {
      const events = await db.prisma.usageEvent.count({ where: { workspaceId: existing.id } });
      log(`demo workspace '${DEMO_WORKSPACE.slug}' already has ${events.toLocaleString("en-US")} events: not seeding again`);
      return { created: false, events, login };
    }
    log(`demo workspace '${DEMO_WORKSPACE.slug}' was seeded only in part: finishing it`);
  }

  if (login.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`UNITSCOPE_DEMO_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const started = Date.now();
  // The second workspace first: isolation tests need it whenever the demo exists. One of the same slug
  // made by hand (another name) is not ours to fill.
  const other = await ensureWorkspace(db, OTHER_WORKSPACE);
  if (other.name === OTHER_WORKSPACE.name) {
    const otherEvents = generateDemoEvents({ now: opts.now ?? other.createdAt, seed: "other", targetEvents: OTHER_EVENTS });
    await ingestAll(db, other.id, otherEvents.map(asOtherWorkspace), () => {});
    await ensureMembers(db, OTHER_WORKSPACE.slug, OTHER_MEMBERS, login.password);
  }

  const demo = await ensureWorkspace(db, DEMO_WORKSPACE);
  const events = generateDemoEvents({ now: opts.now ?? demo.createdAt, seed: DEMO_SEED });
  log(`seeding the demo workspace '${DEMO_WORKSPACE.slug}' with ${events.length.toLocaleString("en-US")} events over 30 days…`);
  const stored = await ingestAll(db, demo.id, events, log);
  await ensureMembers(db, DEMO_WORKSPACE.slug, DEMO_MEMBERS, login.password); // after the events: see DEMO_MEMBERS
  log(`demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { created: true, events: stored, login };
}

async function ensureWorkspace(db: Database, ws: { slug: string; name: string }): Promise<{ id: number; name: string; createdAt: Date }> {
  const select = { id: true, name: true, createdAt: true } as const;
  const found = await db.prisma.workspace.findUnique({ where: { slug: ws.slug }, select });
  if (found) return found;
  try {
    return await makeWorkspace(db.prisma, { slug: ws.slug, name: ws.name });
  } catch (err) {
    // Another process (a second server on the same Postgres) created it between our read and write.
    if (err instanceof ApiError && err.code === "conflict")
      return db.prisma.workspace.findUniqueOrThrow({ where: { slug: ws.slug }, select });
    throw err;
  }
}

async function ensureMembers(
  db: Database,
  slug: string,
  members: readonly { email: string; name: string; role: Role }[],
  password: string,
) {
  for (const m of members) {
    const member = await db.prisma.membership.findFirst({
      where: { workspace: { slug }, user: { email: m.email } },
      select: { role: true },
    });
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
    if (done === events.length || (i / BATCH) % 6 === 5)
      log(`  ${done.toLocaleString("en-US")} / ${events.length.toLocaleString("en-US")} events`);
  }
  return stored;
}

// Tenants of the second workspace carry its name, so data leaking across workspaces is visible at a glance.
function asOtherWorkspace(e: DemoEvent): DemoEvent {
  return e.tenant ? { ...e, tenant: `globex-${e.tenant}` } : e;
}
