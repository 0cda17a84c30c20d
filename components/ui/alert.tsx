import type { ReactNode } from "react";
import { AlertIcon } from "./icons";

export type AlertTone = "info" | "warning" | "danger" | "success";

const TONES: Record<AlertTone, string> = {
  info: "border-brand-200 bg-brand-50 text-brand-900 dark:border-brand-900 dark:bg-brand-950/60 dark:text-brand-100",
  warning: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100",
  danger: "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100",
};

/**
 * A message box. `live` announces it to screen readers: `true` (role="alert") for errors that appear after
 * an action, `"polite"` (role="status") for confirmations of one.
 */
export function Alert({
  tone = "info",
  title,
  children,
  live = false,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  live?: boolean | "polite";
}) {
  return (
    <div
      role={live === "polite" ? "status" : live ? "alert" : undefined}
      className={`flex gap-3 rounded-lg border px-4 py-3 text-sm ${TONES[tone]}`}
    >
      <AlertIcon className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className={title ? "mt-1 opacity-90" : ""}>{children}</div> : null}
      </div>
    </div>
  );
}
