import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { formatCount, formatDate } from "@/lib/format/format";
import { requestOrigin } from "@/lib/http/request-origin";
import { can } from "@/lib/auth/roles";
import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getWorkspaceSummary } from "@/lib/members/get-workspace-summary";
import { memberContextOf } from "@/lib/members/member-context";

export const metadata: Metadata = { title: "Settings" };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-sm text-zinc-900 sm:col-span-2 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

function Endpoint({ url, label }: { url: string; label: string }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[13px] dark:bg-zinc-800">{url}</code>
      <CopyButton text={url} label={`Copy ${label}`} />
    </span>
  );
}

export default async function SettingsPage() {
  const access = await requireAccess();
  const [summary, origin] = await Promise.all([getWorkspaceSummary(await getPrisma(), memberContextOf(access)), requestOrigin()]);
  return (
    <div className="space-y-6">
      <Card aria-labelledby="workspace-title">
        <CardHeader id="workspace-title" title="Workspace" description="Identity of this workspace. Dates and budgets use its time zone." />
        <CardBody>
          <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
            <Row label="Name">{summary.name}</Row>
            <Row label="Slug">
              <code className="font-mono text-[13px]">{summary.slug}</code>
            </Row>
            <Row label="Time zone">{summary.timezone}</Row>
            <Row label="Created">{formatDate(summary.createdAt)}</Row>
            <Row label="Your role">
              <Badge tone="brand">{access.role}</Badge>
            </Row>
            <Row label="Members">
              <Link href="/settings/members" className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
                {formatCount(summary.members)} {summary.members === 1 ? "member" : "members"}
              </Link>
            </Row>
            <Row label="Active API keys">
              {can(access.role, "keys:read") ? (
                <Link href="/settings/api-keys" className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
                  {formatCount(summary.activeKeys)}
                </Link>
              ) : (
                formatCount(summary.activeKeys)
              )}
            </Row>
          </dl>
        </CardBody>
      </Card>
      <Card aria-labelledby="endpoints-title">
        <CardHeader
          id="endpoints-title"
          title="Endpoints"
          description="Where your applications send usage. Both take an API key with the ingest scope as a Bearer token."
        />
        <CardBody>
          <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
            <Row label="Events (JSON, NDJSON)">
              <Endpoint url={`${origin}/api/v1/events`} label="events endpoint" />
            </Row>
            <Row label="OpenTelemetry (OTLP/HTTP)">
              <Endpoint url={`${origin}/api/otlp`} label="OTLP endpoint" />
            </Row>
          </dl>
        </CardBody>
      </Card>
    </div>
  );
}
