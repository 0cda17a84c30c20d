import { Badge } from "@/components/ui/badge";
import { formatDate, formatDateTime, formatRelative } from "@/lib/format/format";
import type { KeyRow } from "@/lib/keys/list-workspace-keys";
import type { RevokeKeyState } from "./key-action-state";
import { RevokeKeyButton } from "./revoke-key-button";

type RevokeAction = (prev: RevokeKeyState, form: FormData) => Promise<RevokeKeyState>;

export function ApiKeyTable({ keys, revokeAction }: { keys: KeyRow[]; revokeAction: RevokeAction | null }) {
  if (keys.length === 0) {
    return (
      <p className="px-5 py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">
        No API keys yet.{revokeAction ? " Create one above to start sending events." : ""}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500 uppercase dark:text-zinc-400">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th scope="col" className="px-5 py-2.5 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Key
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Scopes
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Created
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Last used
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Status
            </th>
            {revokeAction ? (
              <th scope="col" className="px-5 py-2.5 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {keys.map((k) => (
            <tr key={k.id} className={k.revokedAt ? "text-zinc-500 dark:text-zinc-500" : ""} data-testid="api-key-row">
              <td className="px-5 py-3 font-medium">{k.name}</td>
              <td className="px-3 py-3">
                <code className="font-mono text-[13px]">{k.prefix}…</code>
              </td>
              <td className="px-3 py-3">
                <span className="flex gap-1">
                  {k.scopes.map((s) => (
                    <Badge key={s}>{s}</Badge>
                  ))}
                </span>
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                <span title={formatDateTime(k.createdAt)}>{formatDate(k.createdAt)}</span>
                {k.createdBy ? <span className="block text-xs text-zinc-500">by {k.createdBy}</span> : null}
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                {k.lastUsedAt ? <span title={formatDateTime(k.lastUsedAt)}>{formatRelative(k.lastUsedAt)}</span> : "Never"}
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                {k.revokedAt ? (
                  <span title={formatDateTime(k.revokedAt)}>
                    <Badge tone="danger">Revoked</Badge> <span className="text-xs">{formatDate(k.revokedAt)}</span>
                  </span>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </td>
              {revokeAction ? (
                <td className="px-5 py-3 text-right">
                  {k.revokedAt ? null : <RevokeKeyButton action={revokeAction} keyId={k.id} keyName={k.name} prefix={k.prefix} />}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
