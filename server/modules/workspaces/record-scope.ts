import type { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { notFound } from '../../errors.js';

/**
 * Auth scopes for a mutation on one workspace record: the record's own workspace decides.
 * A record outside the viewer's workspaces reads as NOT_FOUND, never as FORBIDDEN.
 */
export async function permissionOnRecord(
  context: Context,
  load: () => Promise<{ workspaceId: string } | null>,
  permission: Permission,
  what: string,
) {
  if (!context.viewer) return { authenticated: true } as const;
  const record = await load();
  if (!record || (await context.roleIn(record.workspaceId)) == null) throw notFound(what);
  return { can: { workspaceId: record.workspaceId, permission } };
}

/** Same, for operations that act on the workspace selected by argument or header. */
export function permissionInWorkspace(context: Context, permission: Permission, explicit?: string | null) {
  if (!context.viewer) return { authenticated: true } as const;
  return { can: { workspaceId: context.workspaceIdFrom(explicit), permission } };
}
