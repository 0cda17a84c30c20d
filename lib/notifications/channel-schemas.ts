import { z } from "zod";

export const channelNameSchema = z.string().trim().min(1, { error: "must not be empty" }).max(200);

/** POST /api/v1/alert-channels: `config` is validated by the type's sender (channel-types.ts). */
export const createChannelSchema = z.strictObject({
  name: channelNameSchema,
  type: z.string(),
  config: z.record(z.string(), z.unknown()),
  enabled: z.boolean().optional(),
});

/** PATCH: given config keys replace the stored ones (secrets included); omitted keys are kept. */
export const patchChannelSchema = z.strictObject({
  name: channelNameSchema.optional(),
  enabled: z.boolean().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});
