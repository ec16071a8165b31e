// What the parameterised scopes `record` and `deletes` check, and the helpers for rows that belong to a
// workspace without a visibility of their own (members, invitations, pipelines...). Modules name scopes;
// the rules live here and in record-rules.ts.
import type { Context } from '../context.js';
import { delegateOf } from '../db/delegate.js';
import { forbidden, notFound } from '../errors.js';
import { idFromGlobalId } from '../modules/node/uuid.js';
import { roleCan, type Permission } from './permissions.js';
import { canSeeRecord, recordAccess } from './record-access.js';
import { RECORD_MODELS, type RecordAccess, type RecordModel } from './record-rules.js';

/** A record named by its global ID in a field's arguments. */
export interface RecordTarget {
  model: RecordModel;
  /** Global ID. */
  id: string;
}

export interface RecordPermission extends RecordTarget {
  permission: Permission;
}

export interface WorkspacePermission {
  /** null means "the workspace selected by the request". */
  workspaceId: string | null;
  permission: Permission;
}

type Can = (check: WorkspacePermission) => Promise<boolean>;
type RowFinder = (args: { where: { id: string }; select: Record<string, true> }) => Promise<Record<string, string | null> | null>;

/** The row (trash included) when the viewer sees it, with the named columns; NOT_FOUND otherwise. */
async function visibleRow(context: Context, target: RecordTarget, columns: readonly string[] = []) {
  const { typename } = RECORD_MODELS[target.model];
  const id = idFromGlobalId(target.id, typename);
  const delegate = delegateOf<{ findUnique: RowFinder }>(context.prisma, target.model);
  const select = Object.fromEntries(['workspaceId', ...columns].map((column) => [column, true] as const));
  const row = await delegate.findUnique({ where: { id }, select });
  const workspaceId = row?.workspaceId;
  if (!row || !workspaceId || (await context.roleIn(workspaceId)) == null) throw notFound(typename);
  if (!(await canSeeRecord(context, { model: target.model, id, workspaceId }))) throw notFound(typename);
  return { ...row, workspaceId };
}

/** `record`: signed out → false (UNAUTHENTICATED); unseen → NOT_FOUND; the role decides the rest (FORBIDDEN). */
export async function mayActOnRecord(context: Context, target: RecordPermission, can: Can): Promise<boolean> {
  if (!context.viewer) return false;
  const { workspaceId } = await visibleRow(context, target);
  return can({ workspaceId, permission: target.permission });
}

/** Members delete (and restore) what they own or created, admins anything: FORBIDDEN otherwise. */
export function assertMayDelete(access: RecordAccess, model: RecordModel, row: object) {
  if (roleCan(access.role, 'records:deleteAny')) return;
  const own = RECORD_MODELS[model].deletedByOwn.some((column) => (row as Record<string, unknown>)[column] === access.userId);
  if (own && roleCan(access.role, 'records:deleteOwn')) return;
  throw forbidden('You can delete only records you own or created.');
}

/** `deletes`: as `record` with records:deleteOwn, then the delete rule on the row's owner columns. */
export async function mayDeleteRecord(context: Context, target: RecordTarget, can: Can): Promise<boolean> {
  if (!context.viewer) return false;
  const row = await visibleRow(context, target, RECORD_MODELS[target.model].deletedByOwn);
  if (!(await can({ workspaceId: row.workspaceId, permission: 'records:deleteOwn' }))) return false;
  assertMayDelete(await recordAccess(context, row.workspaceId), target.model, row);
  return true;
}

/**
 * Auth scopes for a mutation on a row that belongs to a workspace (member, invitation, pipeline...): its
 * own workspace decides. A row outside the viewer's workspaces reads as NOT_FOUND, never as FORBIDDEN.
 */
export async function permissionOnWorkspaceRow(context: Context, load: () => Promise<{ workspaceId: string } | null>, permission: Permission, what: string) {
  if (!context.viewer) return { authenticated: true } as const;
  const row = await load();
  if (!row || (await context.roleIn(row.workspaceId)) == null) throw notFound(what);
  return { can: { workspaceId: row.workspaceId, permission } };
}

/** Same, for operations that act on the workspace selected by argument or header. */
export function permissionInWorkspace(context: Context, permission: Permission, explicit?: string | null) {
  if (!context.viewer) return { authenticated: true } as const;
  return { can: { workspaceId: context.workspaceIdFrom(explicit), permission } };
}
