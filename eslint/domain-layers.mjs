// The lib/ domains and what each may import: the one declared map of the architecture's layers.
// ESLint's `unitscope/domain-layers` rule enforces it on every import between lib domains, and
// `assertAcyclic` refuses a map with a cycle, so no import cycle between domains can come back.
// To let a domain use another, add the edge here (the lint run fails if it makes a cycle).
import path from "node:path";

/** Modules every domain may import: the shared error vocabulary of the API and one header name. */
export const SHARED_MODULES = ["lib/http/errors", "lib/http/respond", "lib/http/request-path-header"];

/** domain → the domains it may import (besides itself and SHARED_MODULES). */
export const DOMAIN_DEPS = {
  db: [],
  "date-range": [],
  notifications: ["db", "outbox", "jobs", "format"],
  alerts: ["db", "outbox", "jobs", "notifications", "metrics", "rollups", "format", "auth", "http", "date-range"],
  format: [],
  auth: ["db"],
  workspaces: ["db"],
  users: ["auth", "db"],
  members: ["auth", "db", "workspaces"],
  keys: ["auth", "db", "members"],
  http: ["auth", "db"],
  jobs: ["db"],
  outbox: ["db", "jobs"],
  rollups: ["db", "jobs"],
  pricing: ["db", "jobs", "rollups", "auth"],
  ingest: ["db", "pricing", "rollups", "auth", "http"],
  metrics: ["db", "rollups", "ingest", "auth", "http", "date-range"],
  health: ["db"],
  overview: ["db", "members", "auth"],
  dashboards: ["auth", "date-range", "db", "format", "http", "ingest", "members", "metrics", "rollups", "workspaces", "overview"],
  boot: "*",
};

export function assertAcyclic(deps) {
  const state = new Map();
  const visit = (d, trail) => {
    if (state.get(d) === "done") return;
    if (state.get(d) === "visiting") throw new Error(`eslint/domain-layers.mjs: a cycle between lib domains: ${[...trail, d].join(" → ")}`);
    state.set(d, "visiting");
    const next = deps[d];
    if (Array.isArray(next)) for (const n of next) visit(n, [...trail, d]);
    state.set(d, "done");
  };
  for (const d of Object.keys(deps)) visit(d, []);
}

const root = path.resolve(import.meta.dirname, "..");

/** "lib/<domain>/…" of an import (alias or relative), or null when it is not inside lib/. */
function libPathOf(source, filename) {
  let abs;
  if (source.startsWith("@/")) abs = path.join(root, source.slice(2));
  else if (source.startsWith(".")) abs = path.resolve(path.dirname(filename), source);
  else return null;
  const rel = path.relative(root, abs).split(path.sep).join("/");
  return rel.startsWith("lib/") ? rel : null;
}

const domainOf = (libPath) => libPath.split("/")[1];

export const domainLayersRule = {
  meta: {
    type: "problem",
    docs: { description: "lib domains import only the domains eslint/domain-layers.mjs allows (no cycles between domains)" },
    schema: [],
  },
  create(context) {
    assertAcyclic(DOMAIN_DEPS);
    const file = path.relative(root, context.filename).split(path.sep).join("/");
    if (!file.startsWith("lib/")) return {};
    const from = domainOf(file);
    const allowed = DOMAIN_DEPS[from];
    const check = (node, source) => {
      if (typeof source !== "string") return;
      const target = libPathOf(source, context.filename);
      if (!target) return;
      const to = domainOf(target);
      if (to === from || allowed === "*") return;
      if (SHARED_MODULES.some((m) => target === m || target.startsWith(`${m}.`))) return;
      if (allowed === undefined) {
        context.report({
          node,
          message: `[boundary: domain-layers] lib/${from} is not declared in eslint/domain-layers.mjs: add it with its allowed imports.`,
        });
      } else if (!allowed.includes(to)) {
        context.report({
          node,
          message: `[boundary: domain-layers] lib/${from} may not import lib/${to} (allowed: ${allowed.join(", ") || "none"}). Declare the edge in eslint/domain-layers.mjs if it keeps the domain graph acyclic, or move the shared piece down.`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};
