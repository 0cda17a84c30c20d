import type { z } from "zod";

/** Throw from a handler when retrying cannot help (e.g. the row it works on is gone): no more attempts. */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

/** A payload that does not match its queue's schema: a programming error, reported with the issues. */
export class InvalidJobDataError extends PermanentJobError {
  override name = "InvalidJobDataError";
  constructor(
    readonly queue: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(
      `invalid payload for job queue '${queue}': ` +
        issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`).join("; "),
    );
  }
}

/** The message kept in jobs.last_error: bounded, never a stack (it is shown in the UI). */
export function describeJobError(err: unknown): string {
  const text = err instanceof Error ? `${err.name === "Error" ? "" : `${err.name}: `}${err.message}` : String(err);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
