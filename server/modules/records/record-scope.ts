import type { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { notFound } from '../../errors.js';
import { idFromGlobalId } from '../node/uuid.js';
import { canSeeRecord, type VisibleModel } from './access.js';

const TYPENAMES: Record<VisibleModel, string> = {
  contact: 'Contact',
  company: 'Company',
  deal: 'Deal',
  communication: 'Communication',
};

type WorkspaceFinder = (args: { where: { id: string }; select: { workspaceId: true } }) => Promise<{ workspaceId: string } | null>;

/**
 * Auth scopes for a mutation on one owned record (trash included): signed out → UNAUTHENTICATED; not in
 * the record's workspace or not allowed to see it → NOT_FOUND; role lacks the permission → FORBIDDEN.
 */
export async function permissionOnVisibleRecord(context: Context, model: VisibleModel, globalId: string, permission: Permission) {
  if (!context.viewer) return { authenticated: true } as const;
  const what = TYPENAMES[model];
  const id = idFromGlobalId(globalId, what);
  const delegate = context.prisma[model] as unknown as { findUnique: WorkspaceFinder };
  const record = await delegate.findUnique({ where: { id }, select: { workspaceId: true } });
  if (!record || (await context.roleIn(record.workspaceId)) == null) throw notFound(what);
  if (!(await canSeeRecord(context, { model, id, workspaceId: record.workspaceId }))) throw notFound(what);
  return { can: { workspaceId: record.workspaceId, permission } };
}
