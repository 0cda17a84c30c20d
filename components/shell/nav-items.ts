import type { ComponentType, SVGProps } from "react";
import { FILTER_URL_KEYS } from "@/lib/dashboards/dashboard-filters";
import {
  BellIcon,
  FeaturesIcon,
  OverviewIcon,
  ReliabilityIcon,
  SettingsIcon,
  SpendIcon,
  TenantsIcon,
  VendorsIcon,
} from "@/components/ui/icons";

export type NavItem = {
  href: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Analytics pages share the date range; links between them carry it so the view stays the same. */
  keepsRange: boolean;
};

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/overview", label: "Overview", icon: OverviewIcon, keepsRange: true },
  { href: "/spend", label: "Spend", icon: SpendIcon, keepsRange: true },
  { href: "/reliability", label: "Reliability", icon: ReliabilityIcon, keepsRange: true },
  { href: "/tenants", label: "Tenants", icon: TenantsIcon, keepsRange: true },
  { href: "/features", label: "Features", icon: FeaturesIcon, keepsRange: true },
  { href: "/vendors", label: "Vendors", icon: VendorsIcon, keepsRange: true },
  // Alerts are live state, not a view of a date range: links to it do not carry one.
  { href: "/alerts", label: "Alerts", icon: BellIcon, keepsRange: false },
  { href: "/settings", label: "Settings", icon: SettingsIcon, keepsRange: false },
];

/** The URL params that describe the shared view: the date range and the global filter bar's keys. */
export const SHARED_VIEW_PARAMS = ["range", "from", "to", ...FILTER_URL_KEYS] as const;

export function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function hrefWithView(item: NavItem, current: URLSearchParams): string {
  if (!item.keepsRange) return item.href;
  const keep = new URLSearchParams();
  for (const k of SHARED_VIEW_PARAMS) {
    const v = current.get(k);
    if (v !== null) keep.set(k, v);
  }
  const qs = keep.toString();
  return qs ? `${item.href}?${qs}` : item.href;
}
