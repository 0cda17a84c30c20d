import type { KpiSpec } from "../prepare-kpis";

/** Leadership's headline numbers (the month-end projection tile comes from the engine's projection). */
export const OVERVIEW_KPIS: KpiSpec[] = [
  { id: "spend", measure: "cost_usd", label: "Spend (effective)", betterWhen: "lower" },
  { id: "cost-per-task", measure: "cost_per_successful_task_usd", betterWhen: "lower" },
  { id: "success-rate", measure: "task_success_rate", betterWhen: "higher" },
  { id: "latency-p95", measure: "latency_p95_ms", label: "p95 latency", betterWhen: "lower" },
  { id: "ttft-p95", measure: "ttft_p95_ms", label: "p95 time to first token", betterWhen: "lower" },
];
