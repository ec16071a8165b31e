import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { dateRangeWhere } from '../records/common.types.js';
import { linkFilterWhere } from '../records/record-links.js';
import { NoteFilter, NoteSort, type NoteFilterShape } from './note.inputs.js';
import { linkedListField, recordField, type LinkedListArgs } from '../records/record-queries.js';
import { linkedRecordsVisibleWhere } from '../../auth/record-where.js';

function filterWhere(filter: NoteFilterShape | null | undefined, trash: boolean) {
  const text = filter?.text?.trim();
  return {
    deletedAt: trash ? { not: null } : null,
    ...linkFilterWhere(filter),
    ...(filter?.createdById ? { createdById: idFromGlobalId(filter.createdById, 'User', 'Author') } : {}),
    ...(text ? { body: { contains: text, mode: 'insensitive' as const } } : {}),
    ...(filter?.createdAt ? { createdAt: dateRangeWhere(filter.createdAt) } : {}),
  };
}

type NoteListArgs = LinkedListArgs & { filter?: NoteFilterShape | null; sort?: typeof NoteSort.$inferInput | null };

const SORT_COLUMNS = { CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' } as const;

builder.queryFields((t) => ({
  notes: linkedListField(t, {
    type: 'Note',
    model: 'note',
    description: 'Notes you can see, newest first unless sorted; `trash: true` lists deleted ones instead.',
    filter: NoteFilter,
    sort: NoteSort,
    where: (access, args: NoteListArgs) => ({ AND: [linkedRecordsVisibleWhere(access), filterWhere(args.filter, !!args.trash)] }),
    order: { columns: SORT_COLUMNS, unsorted: { field: 'CREATED_AT', direction: 'desc' } },
  }),
  note: recordField(t, {
    type: 'Note',
    model: 'note',
    description: 'A note you can see: NOT_FOUND when it is in the trash or linked to a record hidden from you.',
    checkedBy: 'record',
  }),
}));
