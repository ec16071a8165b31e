import { roleCan } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import type { RecordAccess } from '../../auth/record-rules.js';

interface BodyOwner {
  workspaceId: string;
  ownerId: string | null;
  bodyPrivate: boolean;
}

/** A private body is read by the record's owner and by those who see every record (admins). */
export function mayReadBody(access: Pick<RecordAccess, 'userId' | 'role'>, record: BodyOwner): boolean {
  return !record.bodyPrivate || record.ownerId === access.userId || roleCan(access.role, 'records:readAll');
}

export async function viewerMayReadBody(context: Context, record: BodyOwner): Promise<boolean> {
  if (!record.bodyPrivate) return true;
  const userId = context.viewer?.user.id;
  if (!userId) return false;
  return mayReadBody({ userId, role: (await context.roleIn(record.workspaceId)) ?? 'VIEWER' }, record);
}

/** The where-fragment for rows whose body the viewer may search. */
export function readableBodyWhere(access: RecordAccess) {
  return roleCan(access.role, 'records:readAll') ? {} : { OR: [{ bodyPrivate: false }, { ownerId: access.userId }] };
}
