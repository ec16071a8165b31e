import { roleCan } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { badInput, forbidden } from '../../errors.js';
import { expiredBefore } from '../../retention.js';
import type { RecordAccess } from './access.js';

/** Members delete what they own or created; admins and owners delete anything. */
export function assertCanDelete(access: RecordAccess, record: { ownerId?: string | null; createdById: string | null }) {
  if (roleCan(access.role, 'records:deleteAny')) return;
  const own = record.ownerId === access.userId || record.createdById === access.userId;
  if (own && roleCan(access.role, 'records:deleteOwn')) return;
  throw forbidden('You can delete only records you own or created.');
}

/**
 * A trashed row can be restored until the retention sweep may purge it: RETENTION_SOFT_DELETED_DAYS after
 * its deletion (the same cut-off as server/modules/records/trash-purge.ts). BAD_USER_INPUT otherwise.
 */
export function assertRestorable(context: Context, deletedAt: Date | null, what: string) {
  const days = context.app.config.retention.softDeletedDays;
  if (deletedAt == null || deletedAt < expiredBefore(days)) {
    throw badInput(`Only ${what} in the trash (for up to ${days} ${days === 1 ? 'day' : 'days'}) can be restored.`);
  }
}
