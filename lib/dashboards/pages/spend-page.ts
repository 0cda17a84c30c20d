import type { TableSpec } from "../load-cards";
import type { KpiSpec } from "../prepare-kpis";

/** What the Spend page shows: its headline numbers and table layouts (the page composes the cards). */
export const SPEND_KPIS: KpiSpec[] = [
  { id: "spend", measure: "cost_usd", label: "Spend (effective)", betterWhen: "lower" },
  { id: "list-spend", measure: "list_cost_usd", label: "At list prices", betterWhen: "lower" },
  { id: "cost-per-1k", measure: "cost_per_1k_tokens_usd", betterWhen: "lower" },
  { id: "cost-per-task", measure: "cost_per_successful_task_usd", betterWhen: "lower" },
  { id: "input-tokens", measure: "input_tokens", betterWhen: "neither" },
  { id: "output-tokens", measure: "output_tokens", betterWhen: "neither" },
];

export const COST_PER_1K_TABLE: TableSpec = {
  dimensions: [
    { id: "provider", header: "Provider" },
    { id: "model", header: "Model" },
  ],
  measures: [
    { measure: "cost_usd", header: "Spend" },
    { measure: "cost_per_1k_tokens_usd", header: "$ / 1k tokens" },
    { measure: "input_tokens", header: "Input tokens", hint: "Including cached tokens" },
    { measure: "output_tokens", header: "Output tokens", hint: "Including reasoning tokens" },
    { measure: "cache_hit_ratio", header: "Cache hits", hint: "Cached input tokens / input tokens" },
    { measure: "requests" },
  ],
  share: "cost_usd",
  sortBy: "cost_usd",
};

export const FEATURE_TENANT_TABLE: TableSpec = {
  dimensions: [
    { id: "feature", header: "Feature", href: "/features" },
    { id: "tenant", header: "Tenant", href: "/tenants" },
  ],
  measures: [
    { measure: "cost_usd", header: "Spend" },
    { measure: "list_cost_usd", header: "List" },
    { measure: "requests" },
    { measure: "cost_per_successful_task_usd", header: "$ / OK task" },
    { measure: "cost_per_1k_tokens_usd", header: "$ / 1k tokens" },
    { measure: "task_success_rate", header: "Success" },
  ],
  share: "cost_usd",
  sortBy: "cost_usd",
};
