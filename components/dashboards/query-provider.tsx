"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, useContext, useEffect, type ReactNode } from "react";

const WorkspaceContext = createContext<string | null>(null);

// One client per workspace in a browser tab, shared by every card of that workspace.
const browserClients = new Map<string, QueryClient>();

function makeClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 } } });
}

/** On the server a fresh client per render, never shared between requests (or users). */
function getQueryClient(workspace: string): QueryClient {
  if (typeof window === "undefined") return makeClient();
  let client = browserClients.get(workspace);
  if (!client) {
    client = makeClient();
    browserClients.set(workspace, client);
  }
  return client;
}

/**
 * React Query for the interactive cards of one workspace (its slug, as the page resolved it). Keys carry
 * the workspace (useWorkspaceQuery); in addition each workspace has its own cache, the subtree is
 * remounted when the workspace changes (so no query observer or "keep previous data" carries the old
 * workspace's answer over), and the other workspaces' caches are dropped once the switch has rendered.
 */
export function QueryProvider({ workspace, children }: { workspace: string; children: ReactNode }) {
  const client = getQueryClient(workspace);
  useEffect(() => {
    for (const [slug, other] of browserClients) {
      if (slug === workspace) continue;
      other.clear();
      browserClients.delete(slug);
    }
  }, [workspace]);
  return (
    <WorkspaceContext value={workspace}>
      <QueryClientProvider key={workspace} client={client}>
        {children}
      </QueryClientProvider>
    </WorkspaceContext>
  );
}

/** The workspace of the surrounding QueryProvider; a card outside one is a bug, not a guess. */
export function useQueryWorkspace(): string {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error("useWorkspaceQuery must be used inside a QueryProvider with a workspace");
  return workspace;
}
