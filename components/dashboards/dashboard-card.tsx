import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";

/** A dashboard card: heading (the section's accessible name), optional actions, body. */
export function DashboardCard({
  id,
  title,
  description,
  actions,
  children,
  className = "",
  testId,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <Card aria-labelledby={`${id}-title`} className={`min-w-0 ${className}`} data-testid={testId ?? `card-${id}`}>
      <CardHeader id={`${id}-title`} title={title} description={description} actions={actions} />
      {children}
    </Card>
  );
}
