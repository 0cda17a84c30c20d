"use client";

import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { workspaceQueryKey } from "@/lib/dashboards/query-key";
import { useQueryWorkspace } from "./query-provider";

type Options<T> = Omit<UseQueryOptions<T, Error, T, readonly unknown[]>, "queryKey" | "queryFn"> & {
  /** The question, without the workspace: it is added here. */
  key: readonly unknown[];
  /** Ask for exactly this workspace (e.g. fetchMetrics' `workspace`), so the answer matches its key. */
  queryFn: (ctx: { signal: AbortSignal; workspace: string }) => Promise<T>;
};

/**
 * The only way cards query in the browser: React Query with the workspace of the surrounding
 * QueryProvider in the key and handed to the fetch. A cached answer is thus never served across
 * workspaces, and a refetch asks the workspace the page was rendered for even if the cookie changed
 * (another tab switched).
 */
export function useWorkspaceQuery<T>({ key, queryFn, ...rest }: Options<T>) {
  const workspace = useQueryWorkspace();
  return useQuery({ ...rest, queryKey: workspaceQueryKey(workspace, key), queryFn: ({ signal }) => queryFn({ signal, workspace }) });
}
