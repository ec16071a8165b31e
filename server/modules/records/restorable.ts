import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import { expiredBefore } from '../../retention.js';

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
