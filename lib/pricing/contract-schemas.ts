import { z } from "zod";
import { decimalStringSchema, priceSetSchema, priceTiersSchema, priceVariantSchema } from "./price-schemas";

const scopeName = z.string().trim().min(1).max(200);

const common = {
  name: z.string().trim().min(1).max(120),
  provider: scopeName.nullish().transform((v) => v ?? null),
  model: scopeName.nullish().transform((v) => v ?? null),
  /** Limits the term to one price variant (e.g. batch); null = every variant. */
  variant: priceVariantSchema.nullish().transform((v) => v ?? null),
  effectiveFrom: z.coerce.date(),
  effectiveTo: z.coerce
    .date()
    .nullish()
    .transform((v) => v ?? null),
};

const percentSchema = decimalStringSchema.refine((v) => Number(v) > 0 && Number(v) <= 100, "a percentage above 0 and at most 100");

export const contractTermInputSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("discount"), ...common, discountPercent: percentSchema }).strict(),
    z
      .object({
        kind: z.literal("custom_price"),
        ...common,
        model: scopeName,
        prices: priceSetSchema.refine((p) => p.input !== undefined && p.output !== undefined, "input and output prices are required"),
        tiers: priceTiersSchema.default([]),
      })
      .strict(),
    z.object({ kind: z.literal("commitment"), ...common, provider: scopeName, monthlyAmountUsd: decimalStringSchema }).strict(),
  ])
  .refine((t) => !t.effectiveTo || t.effectiveTo > t.effectiveFrom, {
    message: "effectiveTo must be after effectiveFrom",
    path: ["effectiveTo"],
  })
  .refine((t) => !Number.isNaN(t.effectiveFrom.getTime()), { message: "effectiveFrom is not a valid date", path: ["effectiveFrom"] });

export type ContractTermInput = z.input<typeof contractTermInputSchema>;
export type ContractTermData = z.output<typeof contractTermInputSchema>;
