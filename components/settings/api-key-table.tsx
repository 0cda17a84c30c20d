import { Badge } from "@/components/ui/badge";
import { Table, Td, Tr, type TableHeading } from "@/components/ui/table";
import { formatDate, formatDateTime, formatRelative } from "@/lib/format/format";
import type { KeyRow } from "@/lib/keys/list-workspace-keys";
import type { RevokeKeyState } from "./key-action-state";
import { RevokeKeyButton } from "./revoke-key-button";

type RevokeAction = (prev: RevokeKeyState, form: FormData) => Promise<RevokeKeyState>;

export function ApiKeyTable({ keys, revokeAction }: { keys: KeyRow[]; revokeAction: RevokeAction | null }) {
  const columns: TableHeading[] = [
    { label: "Name" },
    { label: "Key" },
    { label: "Scopes" },
    { label: "Created" },
    { label: "Last used" },
    { label: "Status" },
    ...(revokeAction ? [{ label: "Actions", srOnly: true }] : []),
  ];
  return (
    <Table
      caption="API keys"
      columns={columns}
      empty={`No API keys yet.${revokeAction ? " Create one above to start sending events." : ""}`}
    >
      {keys.map((k) => (
        <Tr key={k.id} className={k.revokedAt ? "text-zinc-500 dark:text-zinc-500" : ""} data-testid="api-key-row">
          <Td className="font-medium">{k.name}</Td>
          <Td>
            <code className="font-mono text-[13px]">{k.prefix}…</code>
          </Td>
          <Td>
            <span className="flex gap-1">
              {k.scopes.map((s) => (
                <Badge key={s}>{s}</Badge>
              ))}
            </span>
          </Td>
          <Td className="whitespace-nowrap">
            <span title={formatDateTime(k.createdAt)}>{formatDate(k.createdAt)}</span>
            {k.createdBy ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">by {k.createdBy}</span> : null}
          </Td>
          <Td className="whitespace-nowrap">
            {k.lastUsedAt ? <span title={formatDateTime(k.lastUsedAt)}>{formatRelative(k.lastUsedAt)}</span> : "Never"}
          </Td>
          <Td className="whitespace-nowrap">
            {k.revokedAt ? (
              <span title={formatDateTime(k.revokedAt)}>
                <Badge tone="danger">Revoked</Badge> <span className="text-xs">{formatDate(k.revokedAt)}</span>
              </span>
            ) : (
              <Badge tone="success">Active</Badge>
            )}
          </Td>
          {revokeAction ? (
            <Td className="text-right">
              {/* The button is taller than a line of text: centred on the row's first line, not hanging below it. */}
              {k.revokedAt ? null : (
                <div className="-my-1.5">
                  <RevokeKeyButton action={revokeAction} keyId={k.id} keyName={k.name} prefix={k.prefix} />
                </div>
              )}
            </Td>
          ) : null}
        </Tr>
      ))}
    </Table>
  );
}
