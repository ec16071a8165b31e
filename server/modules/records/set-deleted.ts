import type { Context } from '../../context.js';
import { delegateOf } from '../../db/delegate.js';
import { badInput } from '../../errors.js';
import { emitEvent } from '../activity-events/record-event.js';
import { assertRestorable } from './restorable.js';

const TRASHABLE = {
  contact: { type: 'Contact', plural: 'contacts' },
  company: { type: 'Company', plural: 'companies' },
  deal: { type: 'Deal', plural: 'deals' },
  activity: { type: 'Activity', plural: 'activities' },
  note: { type: 'Note', plural: 'notes' },
  communication: { type: 'Communication', plural: 'communications' },
} as const;
export type TrashableModel = keyof typeof TRASHABLE;

type Row = { id: string; workspaceId: string; deletedAt: Date | null };
type Delegate = { findUniqueOrThrow(args: object): Promise<Row>; update(args: object): Promise<Row> };

/**
 * Moves a record to the trash or back, with its feed event. Who may do it is the `deletes` scope's rule
 * (auth/record-scopes.ts); a restore is refused once the retention sweep may have purged the row.
 */
export async function setRecordDeleted(context: Context, model: TrashableModel, id: string, deleted: boolean) {
  const { type, plural } = TRASHABLE[model];
  const row = await delegateOf<Delegate>(context.prisma, model).findUniqueOrThrow({ where: { id } });
  if (deleted && row.deletedAt) throw badInput(`This ${type.toLowerCase()} is already in the trash.`);
  if (!deleted) assertRestorable(context, row.deletedAt, plural);
  return context.prisma.$transaction((tx) =>
    delegateOf<Delegate>(tx, model)
      .update({ where: { id }, data: { deletedAt: deleted ? new Date() : null } })
      .then((written) => emitEvent(tx, context, written, type, deleted ? 'deleted' : 'restored')),
  );
}
