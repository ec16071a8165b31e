import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { dateRangeWhere } from '../records/common.types.js';
import { linkFilterWhere } from '../records/record-links.js';
import { ActivityFilter, ActivitySort, type ActivityFilterShape } from './activity.inputs.js';
import { linkedListField, recordField, type LinkedListArgs } from '../records/record-queries.js';
import { linkedRecordsVisibleWhere } from '../../auth/record-where.js';

const insensitive = (text: string) => ({ contains: text, mode: 'insensitive' as const });

function filterWhere(filter: ActivityFilterShape | null | undefined, trash: boolean) {
  const text = filter?.text?.trim();
  return {
    deletedAt: trash ? { not: null } : null,
    ...linkFilterWhere(filter),
    ...(filter?.type ? { type: filter.type } : {}),
    ...(filter?.done != null ? { done: filter.done } : {}),
    ...(filter?.assigneeId ? { assigneeId: idFromGlobalId(filter.assigneeId, 'User', 'Assignee') } : {}),
    ...(filter?.dueAt ? { dueAt: dateRangeWhere(filter.dueAt) } : {}),
    ...(text ? { OR: [{ subject: insensitive(text) }, { body: insensitive(text) }] } : {}),
  };
}

const SORT_COLUMNS = { DUE_AT: 'dueAt', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' } as const;

type ActivityListArgs = LinkedListArgs & { filter?: ActivityFilterShape | null; sort?: typeof ActivitySort.$inferInput | null };

builder.queryFields((t) => ({
  activities: linkedListField(t, {
    type: 'Activity',
    model: 'activity',
    description: 'Activities you can see, soonest due first unless sorted; `trash: true` lists deleted ones instead.',
    filter: ActivityFilter,
    sort: ActivitySort,
    where: (access, args: ActivityListArgs) => ({ AND: [linkedRecordsVisibleWhere(access), filterWhere(args.filter, !!args.trash)] }),
    order: { columns: SORT_COLUMNS, unsorted: { field: 'DUE_AT', direction: 'asc' }, nullsLast: 'dueAt' },
  }),
  activity: recordField(t, {
    type: 'Activity',
    model: 'activity',
    description: 'An activity you can see: NOT_FOUND when it is in the trash or linked to a record hidden from you.',
    checkedBy: 'record',
  }),
}));
