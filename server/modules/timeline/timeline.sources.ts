// Where each kind of timeline item comes from, for a contact, a company or a deal, and how the viewer's
// access narrows it. Each source is read with keyset pagination on (time, id), newest first.
import type { Context } from '../../context.js';
import { delegateOf } from '../../db/delegate.js';
import { commentVisibleWhere } from '../../auth/record-where.js';
import { fileVisibleWhere } from '../files/access.js';
import type { RecordAccess } from '../../auth/record-rules.js';
import { linkedRecordsVisibleWhere, visibleWhere } from '../../auth/record-where.js';

export type TimelineOwner = 'contact' | 'company' | 'deal';
export type TimelineKind = 'Activity' | 'Note' | 'Comment' | 'Communication' | 'Attachment' | 'DealStageChange' | 'CustomFieldsChanged';

interface Source {
  kind: TimelineKind;
  model: 'activity' | 'note' | 'comment' | 'communication' | 'file' | 'dealStageChange' | 'activityEvent';
  time: 'createdAt' | 'occurredAt' | 'changedAt';
  where: (owner: TimelineOwner, id: string, access: RecordAccess) => object;
}

const column = { contact: 'contactId', company: 'companyId', deal: 'dealId' } as const;
const entityType = { contact: 'Contact', company: 'Company', deal: 'Deal' } as const;
const linked = (owner: TimelineOwner, id: string) => ({ [column[owner]]: id });

export const SOURCES: Source[] = [
  {
    kind: 'Activity',
    model: 'activity',
    time: 'createdAt',
    where: (owner, id, access) => ({ AND: [linked(owner, id), { deletedAt: null }, linkedRecordsVisibleWhere(access)] }),
  },
  {
    kind: 'Note',
    model: 'note',
    time: 'createdAt',
    where: (owner, id, access) => ({ AND: [linked(owner, id), { deletedAt: null }, linkedRecordsVisibleWhere(access)] }),
  },
  {
    kind: 'Comment',
    model: 'comment',
    time: 'createdAt',
    where: (owner, id, access) => {
      const onItems = [{ note: linked(owner, id) }, { activity: linked(owner, id) }];
      const targets = owner === 'deal' ? [{ dealId: id }, ...onItems] : owner === 'company' ? [{ deal: { companyId: id } }, ...onItems] : onItems;
      return { AND: [{ OR: targets }, { deletedAt: null }, commentVisibleWhere(access)] };
    },
  },
  {
    kind: 'Communication',
    model: 'communication',
    time: 'occurredAt',
    where: (owner, id, access) => ({
      AND: [owner === 'contact' ? { contacts: { some: { contactId: id } } } : linked(owner, id), { deletedAt: null }, visibleWhere(access)],
    }),
  },
  {
    kind: 'Attachment',
    model: 'file',
    time: 'createdAt',
    where: (owner, id, access) => ({ AND: [linked(owner, id), { deletedAt: null }, fileVisibleWhere(access)] }),
  },
  {
    kind: 'DealStageChange',
    model: 'dealStageChange',
    time: 'changedAt',
    where: (owner, id, access) => {
      const deal = owner === 'deal' ? { id } : owner === 'company' ? { companyId: id } : { contacts: { some: { contactId: id } } };
      return { deal: { AND: [deal, { deletedAt: null }, visibleWhere(access)] } };
    },
  },
  {
    // Updates that changed custom values: their events name the keys (`changes.customFields`), the timeline shows the labels.
    kind: 'CustomFieldsChanged',
    model: 'activityEvent',
    time: 'createdAt',
    where: (owner, id, access) => ({
      workspaceId: access.workspaceId,
      entityType: entityType[owner],
      entityId: id,
      verb: 'updated',
      changes: { path: ['customFields'], array_contains: [] },
    }),
  },
];

export interface Cursor {
  at: Date;
  id: string;
}

export interface TimelineItem {
  kind: TimelineKind;
  at: Date;
  id: string;
  row: Record<string, unknown> & { id: string };
}

type Finder = (args: object) => Promise<Array<Record<string, unknown> & { id: string }>>;

/** The `limit` newest items of one source strictly before the cursor. */
export async function readSource(
  context: Context,
  source: Source,
  owner: TimelineOwner,
  ownerId: string,
  access: RecordAccess,
  limit: number,
  before?: Cursor,
) {
  const after = before ? { OR: [{ [source.time]: { lt: before.at } }, { [source.time]: before.at, id: { lt: before.id } }] } : {};
  const delegate = delegateOf<{ findMany: Finder }>(context.prisma, source.model);
  const rows = await delegate.findMany({
    where: { AND: [source.where(owner, ownerId, access), after] },
    orderBy: [{ [source.time]: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  return rows.map((row): TimelineItem => ({ kind: source.kind, at: row[source.time] as Date, id: row.id, row }));
}
