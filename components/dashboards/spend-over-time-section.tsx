import { cardFilters, cardWindow, type CardContext } from "@/lib/dashboards/card-context";
import { spendOverTimeRequest, STACK_BY, type StackBy } from "@/lib/dashboards/cards/spend-over-time";
import { queryMetrics } from "@/lib/dashboards/query-metrics";
import { settle } from "@/lib/dashboards/settle";
import { CardError } from "./card-error";
import { QueryProvider } from "./query-provider";
import { SpendOverTimeCard } from "./spend-over-time-card";

/** Server half of the stacked spend chart: the first breakdown rendered on the server, the switch on the client. */
export async function SpendOverTimeSection({
  c,
  id,
  title,
  stack,
  stackOptions = STACK_BY,
}: {
  c: CardContext;
  id: string;
  title: string;
  stack: StackBy | null;
  stackOptions?: readonly StackBy[];
}) {
  const window = cardWindow(c);
  const filters = cardFilters(c);
  // Same rule as the client card: the URL's breakdown if this chart offers it, else its first one.
  const initialStack = stack && stackOptions.includes(stack) ? stack : stackOptions[0]!;
  const r = await settle(id, queryMetrics(c, spendOverTimeRequest(window, initialStack, filters)));
  if (!r.ok) return <CardError title={title} />;
  return (
    <QueryProvider workspace={c.workspaceSlug}>
      <SpendOverTimeCard
        id={id}
        title={title}
        window={window}
        filters={filters}
        initialStack={initialStack}
        initial={r.data}
        stackOptions={stackOptions}
      />
    </QueryProvider>
  );
}
