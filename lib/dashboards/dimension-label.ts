/** What a missing dimension value is called on screen: events may be sent without a tenant, feature, region… */
const NONE_LABEL: Record<string, string> = {
  tenant: "(no tenant)",
  feature: "(no feature)",
  region: "(no region)",
  route: "(no route)",
  workload_class: "(no class)",
  error_type: "(no error type)",
};

export function dimensionLabel(dimension: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return NONE_LABEL[dimension] ?? "(none)";
  return value;
}
