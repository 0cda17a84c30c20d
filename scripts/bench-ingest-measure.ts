/**
 * Measurements for `npm run bench:ingest`: process RSS and CPU from /proc (Linux; the benchmark runs
 * on the machine of its local Postgres), and the raw COPY baseline. CPU per event is reported beside
 * wall-clock rates because the machine is shared: CPU time per row does not depend on who else runs.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";

const CLK_TCK = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

function processTable(): { pid: number; ppid: number; rssKb: number }[] {
  const out = spawnSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" }).stdout;
  return out
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number))
    .map(([pid, ppid, rssKb]) => ({ pid: pid!, ppid: ppid!, rssKb: rssKb! }));
}

/** A process and all its descendants. */
export function processTree(pid: number): number[] {
  const procs = processTable();
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) {
      if (tree.has(p.ppid) && !tree.has(p.pid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

export function treeRssMb(pid: number): number {
  const tree = new Set(processTree(pid));
  return (
    processTable()
      .filter((p) => tree.has(p.pid))
      .reduce((s, p) => s + p.rssKb, 0) / 1024
  );
}

/** User + system CPU seconds of a process so far; null when it is gone or unreadable. */
export function cpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return null;
  }
}

export function totalCpuSeconds(pids: number[]): number {
  return pids.reduce((s, p) => s + (cpuSeconds(p) ?? 0), 0);
}

/** CPU seconds per pid, to diff later (processes that appear later count from zero). */
export function cpuSnapshot(pids: number[]): Map<number, number> {
  return new Map(pids.map((p) => [p, cpuSeconds(p) ?? 0]));
}

export function cpuSince(before: Map<number, number>, pids: number[]): number {
  return pids.reduce((s, p) => s + Math.max(0, (cpuSeconds(p) ?? 0) - (before.get(p) ?? 0)), 0);
}

/** Postgres backends connected to `database`, other than the asking connection. */
export async function backendPids(client: pg.Client, database: string): Promise<number[]> {
  const r = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    [database],
  );
  return r.rows.map((x) => Number(x.pid));
}

const COPY_COLUMNS = [
  "workspace_id",
  "ts",
  "event_id",
  "provider",
  "model",
  "region",
  "tenant",
  "feature",
  "route",
  "workload_class",
  "task_id",
  "attempt",
  "status",
  "http_status",
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "reasoning_tokens",
  "latency_ms",
  "ttft_ms",
  "list_cost_usd",
  "effective_cost_usd",
  "priced",
];

/**
 * Raw COPY (psql \copy, CSV) of `rows` event-like rows into usage_events — the same table, partitions
 * and indexes the app writes — returning rows/s and the COPY backend's CPU per row (µs).
 */
export async function measureCopy(
  url: string,
  workspaceId: number,
  rows: number,
): Promise<{ rowsPerSecond: number; cpuUsPerRow: number | null }> {
  const file = path.join(os.tmpdir(), `us_bench_copy_${process.pid}.csv`);
  const now = Date.now();
  const lines: string[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const id = randomUUID();
    const ts = new Date(now - 60_000 - ((i * 7919) % (3 * 3600_000))).toISOString();
    lines[i] =
      `${workspaceId},${ts},${id},openai,gpt-4o-mini,us-east-1,tenant-${i % 200},chat,/api/assist,interactive,${id},1,ok,200,` +
      `${200 + (i % 8000)},${20 + (i % 1500)},${i % 1000},0,${150 + (i % 4000)},90,0.0012345000,0.0012345000,t`;
  }
  fs.writeFileSync(file, lines.join("\n") + "\n");
  try {
    // The backend pid is printed first; after the copy a marker, then a short sleep during which the
    // backend's CPU is read (it is idle by then, so the reading is the COPY's cost).
    const psql = spawn(
      "psql",
      [
        url,
        "-v",
        "ON_ERROR_STOP=1",
        "-qAt",
        "-c",
        "SELECT pg_backend_pid()",
        "-c",
        `\\copy usage_events (${COPY_COLUMNS.join(",")}) FROM '${file}' WITH (FORMAT csv)`,
        "-c",
        "SELECT 'copied'",
        "-c",
        "SELECT pg_sleep(0.5)",
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    let pid = 0;
    let cpu0: number | null = null;
    let t0 = 0;
    let result: { rowsPerSecond: number; cpuUsPerRow: number | null } | undefined;
    psql.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (!pid && out.includes("\n")) {
        pid = Number(out.split("\n")[0]);
        cpu0 = cpuSeconds(pid);
        t0 = performance.now();
      }
      if (!result && out.includes("copied")) {
        const seconds = (performance.now() - t0) / 1000;
        const cpu1 = cpuSeconds(pid);
        result = { rowsPerSecond: rows / seconds, cpuUsPerRow: cpu0 !== null && cpu1 !== null ? ((cpu1 - cpu0) * 1e6) / rows : null };
      }
    });
    const code = await new Promise<number | null>((resolve) => psql.on("exit", resolve));
    if (code !== 0 || !result) throw new Error(`psql \\copy failed (exit ${code}); is psql installed?`);
    return result;
  } finally {
    fs.rmSync(file, { force: true });
  }
}
