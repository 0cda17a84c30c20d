import type { UnknownModel } from "@/lib/pricing/list-unknown-models";
import { cell, head, utc } from "./format";

/** Models priced at zero because neither the catalog nor a contract prices them. */
export function UnknownModelsTable({ models }: { models: UnknownModel[] }) {
  if (models.length === 0)
    return <p className="px-4 py-4 text-sm text-zinc-600 dark:text-zinc-400">Every event of the last 90 days was priced.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="unknown-models">
        <thead>
          <tr>
            <th scope="col" className={head}>
              Provider
            </th>
            <th scope="col" className={head}>
              Model
            </th>
            <th scope="col" className={`${head} text-right`}>
              Events
            </th>
            <th scope="col" className={head}>
              First seen
            </th>
            <th scope="col" className={head}>
              Last seen
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {models.map((m) => (
            <tr key={`${m.provider}/${m.model}`}>
              <td className={cell}>{m.provider}</td>
              <td className={`${cell} font-medium`}>{m.model}</td>
              <td className={`${cell} text-right tabular-nums`}>{m.events.toLocaleString("en-US")}</td>
              <td className={cell}>{utc(m.firstSeen)}</td>
              <td className={cell}>{utc(m.lastSeen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
