"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { CloseIcon, MenuIcon } from "@/components/ui/icons";
import { Logo, LogoMark } from "./logo";
import { hrefWithView, isActive, NAV_ITEMS } from "./nav-items";

function NavList({
  pathname,
  params,
  expanded,
  onNavigate,
}: {
  pathname: string;
  params: URLSearchParams;
  expanded: boolean;
  onNavigate?: () => void;
}) {
  return (
    <ul className="flex flex-col gap-1">
      {NAV_ITEMS.map((item) => {
        const active = isActive(pathname, item.href);
        const Icon = item.icon;
        return (
          <li key={item.href}>
            <Link
              href={hrefWithView(item, params)}
              aria-current={active ? "page" : undefined}
              title={expanded ? undefined : item.label}
              onClick={onNavigate}
              className={`group flex h-9 items-center gap-3 rounded-md px-2.5 text-sm font-medium transition-colors ${
                active
                  ? "bg-brand-50 text-brand-700 dark:bg-brand-950 dark:text-brand-200"
                  : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
              } ${expanded ? "" : "justify-center xl:justify-start"}`}
            >
              <Icon
                className={`size-[18px] shrink-0 ${active ? "text-brand-600 dark:text-brand-300" : "text-zinc-500 group-hover:text-zinc-700 dark:group-hover:text-zinc-200"}`}
              />
              {/* Visually hidden on the icon rail (laptop widths) but always the link's accessible name. */}
              <span className={expanded ? "" : "sr-only xl:not-sr-only"}>{item.label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Full sidebar from 1280 px, an icon rail between 768 and 1280 px (laptops keep their width for
 * charts), and a drawer behind a menu button below 768 px.
 */
export function Sidebar() {
  const pathname = usePathname();
  const search = useSearchParams();
  const params = new URLSearchParams(search.toString());
  const [drawerOpen, setDrawerOpen] = useState(false);
  const drawer = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = drawer.current;
    if (!d) return;
    if (drawerOpen && !d.open) d.showModal();
    if (!drawerOpen && d.open) d.close();
  }, [drawerOpen]);

  return (
    <>
      {/* The outer column stretches to the page's height (border and background to the bottom of long
          pages); the inner aside sticks to the viewport so navigation stays in reach while scrolling. */}
      <div className="hidden w-16 shrink-0 border-r border-zinc-200 bg-white md:block xl:w-60 dark:border-zinc-800 dark:bg-zinc-900">
        <aside className="sticky top-0 flex h-dvh flex-col">
          <Link
            href="/overview"
            className="flex h-14 items-center justify-center border-b border-zinc-200 px-3 xl:justify-start xl:px-4 dark:border-zinc-800"
          >
            <span className="xl:hidden">
              <LogoMark />
              <span className="sr-only">Unitscope home</span>
            </span>
            <span className="hidden xl:block">
              <Logo />
            </span>
          </Link>
          <nav aria-label="Main" className="flex-1 overflow-y-auto p-2 xl:p-3">
            <NavList pathname={pathname} params={params} expanded={false} />
          </nav>
        </aside>
      </div>

      <button
        type="button"
        onClick={() => setDrawerOpen(true)}
        className="fixed top-2.5 left-3 z-40 inline-flex size-9 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 md:hidden dark:text-zinc-200 dark:hover:bg-zinc-800"
        aria-label="Open navigation"
      >
        <MenuIcon className="size-5" />
      </button>
      <dialog
        ref={drawer}
        onClose={() => setDrawerOpen(false)}
        aria-label="Navigation"
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-white p-0 text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {drawerOpen ? (
          <div className="flex h-full flex-col">
            <div className="flex h-14 items-center justify-between border-b border-zinc-200 px-4 dark:border-zinc-800">
              <Logo />
              <button
                type="button"
                onClick={() => setDrawerOpen(false)}
                className="inline-flex size-8 items-center justify-center rounded-md hover:bg-zinc-100 dark:hover:bg-zinc-800"
                aria-label="Close navigation"
              >
                <CloseIcon className="size-5" />
              </button>
            </div>
            <nav aria-label="Main" className="p-3">
              <NavList pathname={pathname} params={params} expanded onNavigate={() => setDrawerOpen(false)} />
            </nav>
          </div>
        ) : null}
      </dialog>
    </>
  );
}
