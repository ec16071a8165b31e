import { roleCan } from '../../auth/permissions.js';
import { forbidden } from '../../errors.js';
import type { RecordAccess } from './access.js';

/** Members delete what they own or created; admins and owners delete anything. */
export function assertCanDelete(access: RecordAccess, record: { ownerId?: string | null; createdById: string | null }) {
  if (roleCan(access.role, 'records:deleteAny')) return;
  const own = record.ownerId === access.userId || record.createdById === access.userId;
  if (own && roleCan(access.role, 'records:deleteOwn')) return;
  throw forbidden('You can delete only records you own or created.');
}

export const TRASH_RETENTION_DAYS = 30;

export function restorable(deletedAt: Date | null): boolean {
  return deletedAt != null && deletedAt.getTime() > Date.now() - TRASH_RETENTION_DAYS * 864e5;
}
