// Keeps the server process of `npm start` running: a fatal error (a heap out-of-memory, an uncaught
// exception, the kernel's OOM killer) ends only that process, and this restarts it after a back-off
// that doubles from `minDelayMs` to `maxDelayMs` and resets once a run has stayed up `healthyAfterMs`.
// Every exit and restart is logged with the reason. `stop()` forwards a signal and restarts nothing.
import { spawn } from "node:child_process";

/**
 * @param {{
 *   command: string, args?: string[], spawnOptions?: import("node:child_process").SpawnOptions,
 *   log?: (line: string) => void, minDelayMs?: number, maxDelayMs?: number, healthyAfterMs?: number,
 *   onExit?: (exit: { pid: number | undefined, code: number | null, signal: NodeJS.Signals | null }) => void,
 * }} opts
 */
export function supervise(opts) {
  const {
    command,
    args = [],
    spawnOptions = {},
    log = console.log,
    minDelayMs = 1000,
    maxDelayMs = 30_000,
    healthyAfterMs = 60_000,
  } = opts;
  /** @type {import("node:child_process").ChildProcess | null} */
  let child = null;
  /** @type {NodeJS.Timeout | null} */
  let timer = null;
  let stopping = false;
  let restarts = 0;
  let delay = minDelayMs;
  /** @type {(r: { code: number | null, signal: NodeJS.Signals | null }) => void} */
  let finish = () => {};
  const done = new Promise((resolve) => (finish = resolve));

  const start = () => {
    timer = null;
    const startedAt = Date.now();
    const c = spawn(command, args, spawnOptions);
    child = c;
    if (restarts > 0 && c.pid !== undefined) log(`restarted the server (pid ${c.pid})`);
    let ended = false;
    /** @param {number | null} code @param {NodeJS.Signals | null} signal @param {Error} [err] */
    const onEnd = (code, signal, err) => {
      if (ended) return;
      ended = true;
      child = null;
      if (stopping) return finish({ code, signal });
      opts.onExit?.({ pid: c.pid, code, signal });
      const upMs = Date.now() - startedAt;
      if (upMs >= healthyAfterMs) delay = minDelayMs; // it ran fine for a while: this is a new incident
      restarts++;
      log(`${describeExit(code, signal, err)} after ${seconds(upMs)}; restarting it in ${seconds(delay)} (restart ${restarts})`);
      timer = setTimeout(start, delay);
      delay = Math.min(delay * 2, maxDelayMs);
    };
    c.once("exit", onEnd);
    c.once("error", (err) => {
      if (c.pid === undefined) onEnd(null, null, err); // could not be started at all: retried like a crash
    });
  };

  start();
  return {
    /** The running server process, or null while waiting to restart it. */
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    /** Resolves with the server's last exit once stopped. */
    done,
    /**
     * Forwards `signal` to the server and restarts nothing; resolves with its exit. A second call
     * forwards the signal again (a second Ctrl-C), e.g. to interrupt a slow shutdown.
     * @param {NodeJS.Signals} [signal]
     */
    stop(signal = "SIGTERM") {
      stopping = true;
      if (timer) {
        clearTimeout(timer);
        timer = null;
        finish({ code: 0, signal: null });
      } else if (child) {
        child.kill(signal);
      }
      return done;
    },
  };
}

/** @param {number | null} code @param {NodeJS.Signals | null} signal @param {Error} [err] */
export function describeExit(code, signal, err) {
  if (err) return `the server could not be started (${err.message})`;
  if (signal === "SIGKILL") return "the server was killed by SIGKILL (from outside, e.g. the kernel's out-of-memory killer)";
  if (signal === "SIGABRT") return "the server aborted (SIGABRT: a fatal error such as a JavaScript heap out of memory, see above)";
  if (signal) return `the server was killed by ${signal}`;
  return `the server exited with code ${code}${code === 1 ? " (an uncaught error, see above)" : ""}`;
}

/** @param {number} ms */
function seconds(ms) {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
