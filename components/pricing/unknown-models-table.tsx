import { Table, Td, Tr } from "@/components/ui/table";
import { formatCount, formatDateTime } from "@/lib/format/format";
import type { UnknownModel } from "@/lib/pricing/list-unknown-models";

/** Models priced at zero because neither the catalog nor a contract prices them. */
export function UnknownModelsTable({ models }: { models: UnknownModel[] }) {
  return (
    <Table
      caption="Unknown models"
      testId="unknown-models"
      empty="Every event of the last 90 days was priced."
      columns={[
        { label: "Provider" },
        { label: "Model" },
        { label: "Events", align: "right" },
        { label: "First seen" },
        { label: "Last seen" },
      ]}
    >
      {models.map((m) => (
        <Tr key={`${m.provider}/${m.model}`}>
          <Td>{m.provider}</Td>
          <Td className="font-medium">{m.model}</Td>
          <Td align="right">{formatCount(m.events)}</Td>
          <Td className="whitespace-nowrap">{formatDateTime(m.firstSeen)}</Td>
          <Td className="whitespace-nowrap">{formatDateTime(m.lastSeen)}</Td>
        </Tr>
      ))}
    </Table>
  );
}
