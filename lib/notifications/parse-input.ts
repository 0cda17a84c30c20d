import type { z } from "zod";
import { ApiError } from "@/lib/http/errors";
import { zodIssues } from "@/lib/http/respond";

/**
 * Parses a request body with a domain schema; a failure is 400 `invalid_body` whose message names the
 * first offending field (`config.url: must be an http(s) URL`) and whose details list every issue.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ""): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = zodIssues(r.error).map((i) => ({ ...i, path: [prefix, i.path].filter(Boolean).join(".") }));
  const first = issues[0]!;
  throw new ApiError("invalid_body", first.path ? `${first.path}: ${first.message}` : first.message, issues);
}
