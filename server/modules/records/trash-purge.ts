// Empties the trash: the daily retention sweep hard-deletes rows soft-deleted more than
// RETENTION_SOFT_DELETED_DAYS ago; restore refuses them from the same moment (restorable.ts).
// Foreign keys do most of the work: emails, phones, profiles, shares, tags, deal contacts, stage changes,
// communication participants, comments and mentions cascade; records that only pointed at a purged row
// stay with that link cleared (a company's contacts, a contact's deals and communications). Two kinds of
// rows would outlive their record badly, so they go with it, as in contact erasure:
//  - notes and activities linked to nothing but purged records: with their links cleared they would be
//    workspace-wide, showing everyone what was written about a record that may have been private;
//  - files attached to a purged row: with the link cleared nobody could see them, and their bytes would
//    stay forever.
// Search documents go with their rows (database triggers); file bytes go after each commit.
import type { AppServices } from '../../app-services.js';
import { delegateOf } from '../../db/delegate.js';
import { afterBulkWrite } from '../../db/statistics.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { expiredBefore } from '../../retention.js';
import { LINK_COLUMN } from '../files/access.js';
import { fileStorage } from '../files/storage.js';
import { purgeDeletedFields } from '../custom-fields/field-purge.js';

type Tx = Prisma.TransactionClient;

/** Rows of one model per transaction, so a full trash never makes a long transaction. */
export const TRASH_PURGE_BATCH = 200;

/**
 * The soft-deletable models the purge empties, in this order: records first, so the notes, activities
 * and files that only describe them go in the same transaction. Not purged: User (account deletion has
 * its own grace period and job), Form (a deleted form keeps its submissions, as deleteForm promises) and
 * SearchDocument (it follows its record).
 */
export const PURGED_MODELS = ['contact', 'company', 'deal', 'communication', 'note', 'activity', 'comment', 'file'] as const;
export type PurgedModel = (typeof PURGED_MODELS)[number];
export type TrashPurgeCounts = Record<PurgedModel, number>;

type Ids = Array<{ id: string }>;
type Delegate = {
  findMany(args: { where: object; select: { id: true }; take?: number }): Promise<Ids>;
  deleteMany(args: { where: object }): Promise<{ count: number }>;
};
const delegate = (tx: Tx, model: PurgedModel) => delegateOf<Delegate>(tx, model);
const idsOf = (rows: Ids) => rows.map((row) => row.id);

const LINKS = { contact: 'contactId', company: 'companyId', deal: 'dealId' } as const;

/** The notes or activities that go with a batch: the batch itself, or those linked only to its records. */
async function describingOnly(tx: Tx, kind: 'note' | 'activity', model: PurgedModel, ids: string[]): Promise<string[]> {
  if (model === kind) return ids;
  if (!(model in LINKS)) return [];
  const where = { contactId: null, companyId: null, dealId: null, [LINKS[model as keyof typeof LINKS]]: { in: ids } };
  return idsOf(await delegate(tx, kind).findMany({ where, select: { id: true } }));
}

/** One batch of one model, with what goes with it: the rows removed per model, and the storage keys to delete. */
async function purgeBatch(tx: Tx, model: PurgedModel, cutoff: Date) {
  const ids = idsOf(await delegate(tx, model).findMany({ where: { deletedAt: { lt: cutoff } }, select: { id: true }, take: TRASH_PURGE_BATCH }));
  const counts: Partial<TrashPurgeCounts> = {};
  const remove = async (kind: PurgedModel, rows: string[]) => {
    if (rows.length) counts[kind] = (await delegate(tx, kind).deleteMany({ where: { id: { in: rows } } })).count;
  };
  if (ids.length === 0) return { found: 0, counts, storageKeys: [] as string[] };
  const notes = await describingOnly(tx, 'note', model, ids);
  const activities = await describingOnly(tx, 'activity', model, ids);
  const attachedTo = [
    ...(model in LINK_COLUMN ? [{ [LINK_COLUMN[model as keyof typeof LINK_COLUMN]]: { in: ids } }] : []),
    ...(notes.length ? [{ noteId: { in: notes } }] : []),
    ...(activities.length ? [{ activityId: { in: activities } }] : []),
  ];
  const fileWhere = model === 'file' ? { id: { in: ids } } : attachedTo.length ? { OR: attachedTo } : null;
  const files = fileWhere ? await tx.file.findMany({ where: fileWhere, select: { id: true, storageKey: true } }) : [];
  await remove('file', idsOf(files));
  await remove('note', notes);
  await remove('activity', activities);
  if (!['file', 'note', 'activity'].includes(model)) await remove(model, ids);
  return { found: ids.length, counts, storageKeys: files.map((f) => f.storageKey) };
}

/**
 * Hard-deletes every row that has been in the trash longer than the retention, in batches of one
 * transaction each, then the bytes of the files that went with them. Idempotent: a rerun finds less.
 */
export async function purgeTrash(app: AppServices, now = new Date()): Promise<TrashPurgeCounts> {
  const cutoff = expiredBefore(app.config.retention.softDeletedDays, now);
  const storage = fileStorage(app.config);
  const totals = Object.fromEntries(PURGED_MODELS.map((model) => [model, 0])) as TrashPurgeCounts;
  for (const model of PURGED_MODELS) {
    for (;;) {
      const batch = await app.db.prisma.$transaction((tx) => purgeBatch(tx, model, cutoff));
      for (const [kind, count] of Object.entries(batch.counts)) totals[kind as PurgedModel] += count;
      // After the commit: a failure here leaves unreachable bytes, never a row pointing at missing ones.
      const failed = (await Promise.allSettled(batch.storageKeys.map((key) => storage.delete(key)))).filter((r) => r.status === 'rejected');
      if (failed.length) app.logger.warn(`Trash purge: ${failed.length} file object(s) could not be deleted from storage: ${String(failed[0]!.reason)}`);
      if (batch.found < TRASH_PURGE_BATCH) break;
    }
  }
  // Custom field definitions deleted as long ago take their values with them (not counted among records).
  await purgeDeletedFields(app.db.prisma, cutoff);
  if (Object.values(totals).some((count) => count > 0)) await afterBulkWrite(app.db);
  return totals;
}
