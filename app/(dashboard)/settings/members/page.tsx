import type { Metadata } from "next";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Tr } from "@/components/ui/table";
import { formatDate } from "@/lib/format/format";
import { can, type Role } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { listMembers } from "@/lib/members/list-members";
import { memberContextOf } from "@/lib/members/member-context";

export const metadata: Metadata = { title: "Members" };

const ROLE_TONE: Record<Role, BadgeTone> = { owner: "brand", admin: "brand", engineer: "neutral", finance: "neutral", viewer: "neutral" };
const ROLE_HELP: Record<Role, string> = {
  owner: "Everything, including members and API keys",
  admin: "Everything, including members and API keys",
  engineer: "Dashboards; can see API keys",
  finance: "Dashboards and pricing; can see API keys",
  viewer: "Dashboards only",
};

export default async function MembersPage() {
  const access = await requirePermission("members:read");
  const members = await listMembers(await getPrisma(), memberContextOf(access));
  return (
    <Card aria-labelledby="members-title">
      <CardHeader
        id="members-title"
        title="Members"
        description={
          <>
            {members.length} {members.length === 1 ? "person has" : "people have"} access to this workspace.
            {can(access.role, "members:manage") ? (
              <>
                {" "}
                Add people with the CLI:{" "}
                <code className="font-mono text-[13px] break-all">
                  npm run cli -- user create &lt;email&gt; --workspace {access.workspace.slug} --role &lt;role&gt;
                </code>
              </>
            ) : null}
          </>
        }
      />
      <Table caption="Members" columns={[{ label: "Member" }, { label: "Role" }, { label: "Can" }, { label: "Joined" }]}>
        {members.map((m) => (
          <Tr key={m.userId}>
            <Td>
              <p className="font-medium text-zinc-900 dark:text-zinc-100">
                {m.name ?? m.email}
                {m.userId === access.userId ? <span className="ml-2 text-xs font-normal text-zinc-500">(you)</span> : null}
              </p>
              {m.name ? <p className="text-zinc-500 dark:text-zinc-400">{m.email}</p> : null}
            </Td>
            <Td>
              <Badge tone={ROLE_TONE[m.role]}>{m.role}</Badge>
            </Td>
            <Td className="text-zinc-600 dark:text-zinc-400">{ROLE_HELP[m.role]}</Td>
            <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">{formatDate(m.joinedAt)}</Td>
          </Tr>
        ))}
      </Table>
    </Card>
  );
}
