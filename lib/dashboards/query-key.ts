/**
 * The React Query key of a dashboard question in the browser. The workspace comes first: two workspaces
 * ask byte-identical questions for the same day-aligned range, and without it one workspace's cached
 * answer would be shown for the other's (and no request sent). Built only here, through
 * useWorkspaceQuery, so no card can leave it out.
 */
export function workspaceQueryKey(workspace: string, key: readonly unknown[]): readonly unknown[] {
  if (!workspace) throw new Error("a dashboard query needs the workspace it asks for");
  return ["workspace", workspace, ...key];
}
