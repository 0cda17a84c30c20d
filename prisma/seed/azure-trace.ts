import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * The Azure LLM inference trace 2023 (CC-BY-4.0, see prisma/seed/data/README.md), shipped gzipped inside the
 * repository so a fresh machine can seed without any external data. Two workloads: `code` (long prompts, short
 * completions) and `conv` (shorter prompts, longer answers).
 */
export type TraceKind = "code" | "conv";

export type TraceWorkload = {
  kind: TraceKind;
  /** Inter-arrival gaps divided by their mean: the trace's burstiness at a unit rate. */
  unitGaps: Float64Array;
  context: Int32Array;
  generated: Int32Array;
  bounds: { contextMin: number; contextMax: number; generatedMin: number; generatedMax: number };
};

export type AzureTrace = Record<TraceKind, TraceWorkload>;

const FILES: Record<TraceKind, string> = {
  code: "AzureLLMInferenceTrace_code.csv.gz",
  conv: "AzureLLMInferenceTrace_conv.csv.gz",
};

/**
 * Resolved from the working directory, not import.meta: the seed also runs inside the Next.js server bundle,
 * where module URLs do not point at the source tree. `npm start`, the CLI and the tests all run from the root.
 */
export function defaultTraceDir(): string {
  return path.join(process.cwd(), "prisma", "seed", "data");
}

const cache = new Map<string, AzureTrace>();

/** Reads and parses both workloads once per process (≈30 ms); later calls return the same arrays. */
export function loadAzureTrace(dir: string = defaultTraceDir()): AzureTrace {
  const cached = cache.get(dir);
  if (cached) return cached;
  const read = (kind: TraceKind) =>
    parseTraceCsv(kind, gunzipSync(readFileSync(path.join(/*turbopackIgnore: true*/ dir, FILES[kind]))).toString("utf8"));
  const trace = { code: read("code"), conv: read("conv") };
  cache.set(dir, trace);
  return trace;
}

/** Parses `TIMESTAMP,ContextTokens,GeneratedTokens` rows (timestamps sorted, no zone). */
export function parseTraceCsv(kind: TraceKind, text: string): TraceWorkload {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== "TIMESTAMP,ContextTokens,GeneratedTokens") {
    throw new Error(`${kind} trace: unexpected header ${JSON.stringify(lines[0])}`);
  }
  const seconds: number[] = [];
  const context: number[] = [];
  const generated: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const [stamp, ctx, gen] = line.split(",");
    const c = Number(ctx);
    const g = Number(gen);
    const t = secondsOfDay(stamp ?? "");
    if (!Number.isInteger(c) || !Number.isInteger(g) || c < 0 || g < 0 || t === null) {
      throw new Error(`${kind} trace: bad row ${i + 1}: ${line}`);
    }
    seconds.push(t);
    context.push(c);
    generated.push(g);
  }
  if (seconds.length < 2) throw new Error(`${kind} trace: too few rows`);

  const gaps = new Float64Array(seconds.length - 1);
  let sum = 0;
  for (let i = 1; i < seconds.length; i++) {
    // The traces span about an hour of one day, so seconds-of-day differences are exact; max(0) guards ties.
    const gap = Math.max(0, (seconds[i] as number) - (seconds[i - 1] as number));
    gaps[i - 1] = gap;
    sum += gap;
  }
  const mean = sum / gaps.length;
  for (let i = 0; i < gaps.length; i++) gaps[i] = (gaps[i] as number) / mean;

  return {
    kind,
    unitGaps: gaps,
    context: Int32Array.from(context),
    generated: Int32Array.from(generated),
    bounds: {
      contextMin: Math.min(...context),
      contextMax: Math.max(...context),
      generatedMin: Math.min(...generated),
      generatedMax: Math.max(...generated),
    },
  };
}

// "2023-11-16 18:17:03.9799600" → seconds since midnight (fraction kept).
function secondsOfDay(stamp: string): number | null {
  const m = /^\d{4}-\d{2}-\d{2} (\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(stamp);
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}
