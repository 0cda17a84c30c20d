import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

/**
 * A card whose data could not be loaded: the rest of the page stays usable. The message is generic on
 * purpose (details go to the server log); reloading retries.
 */
export function CardError({ title, className = "" }: { title: string; className?: string }) {
  return (
    <Card className={`min-w-0 ${className}`} aria-label={title}>
      <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <h2 className="text-base font-semibold text-zinc-900 dark:text-zinc-50">{title}</h2>
      </div>
      <div className="px-5 py-4">
        <Alert tone="danger" title="This card could not be loaded">
          The numbers could not be computed just now. Reload the page to try again; if it keeps failing, the server log has the details.
        </Alert>
      </div>
    </Card>
  );
}
