import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertDetailSection } from "@/components/alerts/alert-detail-section";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireAccess } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Alert" };

type Props = { params: Promise<{ id: string }> };

export default async function AlertPage({ params }: Props) {
  const access = await requireAccess();
  const { id: raw } = await params;
  const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) notFound();
  return (
    <div className="mx-auto w-full max-w-6xl">
      <PageHeader
        title={`Alert ${id}`}
        description={
          <Link href="/alerts" className="text-brand-700 hover:underline dark:text-brand-300">
            ← All alerts
          </Link>
        }
      />
      <AlertDetailSection workspaceId={access.workspace.id} id={id} canManage={can(access.role, "alerts:manage")} />
    </div>
  );
}
