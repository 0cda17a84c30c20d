"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** `exact`: active on its own path only (a section's index page, whose siblings live below it). */
export type SettingsTab = { href: string; label: string; exact?: boolean };

/** Section tabs (Settings, Alerts): links with aria-current on the page shown. */
export function SettingsTabs({ tabs, label = "Settings" }: { tabs: SettingsTab[]; label?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((t) => {
          // "General" is /settings itself; the others own their sub-paths.
          const active = t.href === "/settings" || t.exact ? pathname === t.href : pathname === t.href || pathname.startsWith(`${t.href}/`);
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={`inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors ${
                  active
                    ? "border-brand-600 text-brand-700 dark:border-brand-400 dark:text-brand-200"
                    : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100"
                }`}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
