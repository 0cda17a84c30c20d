import type { ChildProcess, SpawnOptions } from "node:child_process";

export type ServerExit = { code: number | null; signal: NodeJS.Signals | null };

export type SuperviseOptions = {
  command: string;
  args?: string[];
  spawnOptions?: SpawnOptions;
  log?: (line: string) => void;
  minDelayMs?: number;
  maxDelayMs?: number;
  healthyAfterMs?: number;
  onExit?: (exit: ServerExit & { pid: number | undefined }) => void;
};

export type Supervisor = {
  readonly child: ChildProcess | null;
  readonly restarts: number;
  readonly done: Promise<ServerExit>;
  stop(signal?: NodeJS.Signals): Promise<ServerExit>;
};

export function supervise(opts: SuperviseOptions): Supervisor;
export function describeExit(code: number | null, signal: NodeJS.Signals | null, err?: Error): string;
