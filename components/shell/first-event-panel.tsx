import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { KeyIcon, SendIcon } from "@/components/ui/icons";
import { firstEventCurl, otelSnippet } from "./first-event-snippets";

/** What an empty workspace shows instead of charts: the two ways to send the first event. */
export function FirstEventPanel({ origin, canCreateKeys }: { origin: string; canCreateKeys: boolean }) {
  return (
    <Card aria-labelledby="first-event-title" data-testid="first-event-panel">
      <CardHeader
        id="first-event-title"
        title={
          <span className="flex items-center gap-2">
            <SendIcon className="size-4 text-brand-600 dark:text-brand-400" />
            Send your first event
          </span>
        }
        description="This workspace has not received any usage events yet. Each model call your application makes becomes one event; send them over HTTP or export OpenTelemetry traces."
        actions={
          canCreateKeys ? (
            <Link href="/settings/api-keys" className={buttonClass("primary", "sm")}>
              <KeyIcon className="size-4" />
              Create an API key
            </Link>
          ) : null
        }
      />
      <CardBody className="space-y-5">
        <ol className="space-y-5 text-sm text-zinc-700 dark:text-zinc-300">
          <li>
            <p className="mb-2">
              <span className="font-medium text-zinc-900 dark:text-zinc-100">1. Get an API key with the ingest scope</span>
              {canCreateKeys ? (
                <>
                  {" "}
                  in Settings → API keys, and export it as <code className="font-mono text-[13px]">UNITSCOPE_API_KEY</code>.
                </>
              ) : (
                <>
                  {" "}
                  from a workspace owner or admin, and export it as <code className="font-mono text-[13px]">UNITSCOPE_API_KEY</code>.
                </>
              )}
            </p>
          </li>
          <li>
            <p className="mb-2 font-medium text-zinc-900 dark:text-zinc-100">2. Post a usage event</p>
            <CodeBlock label="curl" copyLabel="Copy curl command" code={firstEventCurl(origin)} />
          </li>
          <li>
            <p className="mb-2">
              <span className="font-medium text-zinc-900 dark:text-zinc-100">Or export OpenTelemetry traces</span> — any OTLP/HTTP exporter
              works unchanged; spans that follow the GenAI semantic conventions become events. OTLP endpoint:{" "}
              <code className="font-mono text-[13px]" data-testid="otlp-endpoint">
                {origin}/api/otlp
              </code>
            </p>
            <CodeBlock label="environment" copyLabel="Copy OpenTelemetry settings" code={otelSnippet(origin)} />
          </li>
        </ol>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Events appear here within seconds of being accepted. Reload this page after sending one.
        </p>
      </CardBody>
    </Card>
  );
}
