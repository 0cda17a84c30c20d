import { z } from "zod";
import { apiKeyScopeSchema } from "@/lib/auth/api-key-secret";

export const createKeySchema = z.object({
  name: z.string().trim().min(1, "give the key a name").max(80, "a key name has at most 80 characters"),
  // Duplicates are harmless in a form post; store each scope once.
  scopes: z
    .array(apiKeyScopeSchema)
    .min(1, "choose at least one scope")
    .transform((s) => [...new Set(s)]),
});
export type CreateKeyInput = z.input<typeof createKeySchema>;

// api_keys.id is int4: a larger number can name no key, and Prisma would refuse it with a 500.
export const keyIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
