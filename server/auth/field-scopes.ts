// The scopes most fields name, as the field's `authScopes`: the selected workspace's permission, or that of
// the workspace a row (named by an ID argument) belongs to.
import type { Context } from '../context.js';
import type { Permission } from './permissions.js';
import { permissionInWorkspace } from './record-scopes.js';
import type { WorkspaceRowModel } from './workspace-rows.js';

/** The permission in the workspace of the optional `workspaceId` argument, or the request's. */
export const inWorkspace = (permission: Permission) => (_root: unknown, args: { workspaceId?: string | null }, ctx: Context) =>
  permissionInWorkspace(ctx, permission, args.workspaceId);

/** The permission in the workspace of the row whose global ID is the `arg` argument. */
export const onRow =
  (model: WorkspaceRowModel, permission: Permission, arg = 'id') =>
  (_root: unknown, args: Record<string, unknown>) => ({ workspaceRow: { model, id: args[arg] as string, permission } });
