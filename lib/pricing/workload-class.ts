import { z } from "zod";

/** How a call was served; pricing depends on it (batch and flex tiers), so pricing owns the list. */
export const WORKLOAD_CLASSES = ["interactive", "batch", "opportunistic"] as const;
export const workloadClassSchema = z.enum(WORKLOAD_CLASSES);
