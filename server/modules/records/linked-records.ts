// Notes, activities and comments have no owner or visibility of their own: they inherit it from the
// contacts, companies and deals they link to. A row is hidden as soon as one of its links is hidden.
import DataLoader from 'dataloader';
import { roleCan, type Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { notFound } from '../../errors.js';
import { idFromGlobalId } from '../node/uuid.js';
import { recordAccess, visibleWhere, type RecordAccess } from './access.js';

/**
 * The where-fragment "every linked contact, company and deal is visible or absent" for a model with
 * contactId, companyId and dealId columns. Combine it with other conditions under AND.
 */
export function linkedRecordsVisibleWhere(access: RecordAccess) {
  if (roleCan(access.role, 'records:readAll')) return { workspaceId: access.workspaceId };
  const visible = visibleWhere(access);
  return {
    workspaceId: access.workspaceId,
    AND: [
      { OR: [{ contactId: null }, { contact: visible }] },
      { OR: [{ companyId: null }, { company: visible }] },
      { OR: [{ dealId: null }, { deal: visible }] },
    ],
  };
}

export type InheritingModel = 'note' | 'activity' | 'comment';

export interface InheritingRow {
  model: InheritingModel;
  id: string;
  workspaceId: string;
}

/** Builds a model's visibility where-fragment (workspace included) for the viewer's access. */
export type VisibilityWhere = (access: RecordAccess) => object;

type IdFinder = (args: { where: object; select: { id: true } }) => Promise<Array<{ id: string }>>;

/** Batches "can the viewer see this row?" into one query per model, workspace and request. */
export function canSeeInheriting(context: Context, row: InheritingRow, where: VisibilityWhere): Promise<boolean> {
  const loader = context.memo(`seesInheriting:${row.model}:${row.workspaceId}`, () =>
    new DataLoader<string, boolean>(async (ids) => {
      const access = await recordAccess(context, row.workspaceId);
      const delegate = context.prisma[row.model] as unknown as { findMany: IdFinder };
      const rows = await delegate.findMany({ where: { AND: [{ id: { in: [...ids] } }, where(access)] }, select: { id: true } });
      const visible = new Set(rows.map((r) => r.id));
      return ids.map((id) => visible.has(id));
    }),
  );
  return loader.load(row.id);
}

/**
 * Type-level auth scopes for an inheriting row: members of its workspace see it unless one of its links
 * is hidden from them, in which case it does not exist for them (NOT_FOUND), in lists, `node` and gets.
 */
export async function inheritedScopes(context: Context, row: InheritingRow, where: VisibilityWhere, what: string) {
  const member = context.viewer != null && (await context.roleIn(row.workspaceId)) != null;
  if (member && !(await canSeeInheriting(context, row, where))) throw notFound(what);
  return { member: row.workspaceId };
}

type WorkspaceFinder = (args: { where: { id: string }; select: { workspaceId: true } }) => Promise<{ workspaceId: string } | null>;

/**
 * Auth scopes for a root field acting on one inheriting row (trash included): signed out → UNAUTHENTICATED;
 * outside its workspace or hidden by a link → NOT_FOUND; role lacks the permission → FORBIDDEN.
 */
export async function permissionOnInheriting(
  context: Context,
  model: InheritingModel,
  typename: string,
  globalId: string,
  where: VisibilityWhere,
  permission: Permission,
) {
  if (!context.viewer) return { authenticated: true } as const;
  const id = idFromGlobalId(globalId, typename);
  const delegate = context.prisma[model] as unknown as { findUnique: WorkspaceFinder };
  const row = await delegate.findUnique({ where: { id }, select: { workspaceId: true } });
  if (!row || (await context.roleIn(row.workspaceId)) == null) throw notFound(typename);
  if (!(await canSeeInheriting(context, { model, id, workspaceId: row.workspaceId }, where))) throw notFound(typename);
  return { can: { workspaceId: row.workspaceId, permission } };
}
