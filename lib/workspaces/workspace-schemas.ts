import { z } from "zod";

export const workspaceSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "a slug is 1–63 lowercase letters, digits or dashes, starting with a letter or digit");

export const timezoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "unknown IANA time zone");

export const createWorkspaceSchema = z.object({
  slug: workspaceSlugSchema,
  name: z.string().trim().min(1).max(120).optional(),
  timezone: timezoneSchema.default("UTC"),
});
export type CreateWorkspaceInput = z.input<typeof createWorkspaceSchema>;
