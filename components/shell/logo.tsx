/** The Unitscope mark: a scope ring around a small bar chart — observing units of spend. */
export function LogoMark({ className = "size-8" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="fill-brand-600 dark:fill-brand-500" />
      <circle cx="16" cy="16" r="9" fill="none" stroke="white" strokeWidth="2.5" />
      <path d="M11.5 19.5v-3M16 19.5v-7M20.5 19.5v-5" stroke="white" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}

export function Logo({ wordmarkClassName = "" }: { wordmarkClassName?: string }) {
  return (
    <span className="flex items-center gap-2.5">
      <LogoMark />
      <span className={`text-base font-semibold tracking-tight text-zinc-900 dark:text-zinc-50 ${wordmarkClassName}`}>Unitscope</span>
    </span>
  );
}
