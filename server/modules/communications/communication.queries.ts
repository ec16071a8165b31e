import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { dateRangeWhere } from '../records/common.types.js';
import { phoneForSearch } from '../records/normalize.js';
import { readableBodyWhere } from './body-privacy.js';
import { CommunicationFilter, CommunicationSort, type CommunicationFilterShape } from './communication.inputs.js';
import { linkedListField, recordField, type LinkedListArgs } from '../records/record-queries.js';
import type { RecordAccess } from '../../auth/record-rules.js';
import { visibleWhere } from '../../auth/record-where.js';

const insensitive = (text: string) => ({ contains: text, mode: 'insensitive' as const });

/** Text matches the subject, the sender, an exact recipient, or a body the viewer may read: never a hidden one. */
function textWhere(text: string, access: RecordAccess) {
  const phone = phoneForSearch(text);
  return {
    OR: [
      { subject: insensitive(text) },
      { fromAddress: insensitive(text) },
      { toAddresses: { has: text.toLowerCase() } },
      ...(phone ? [{ fromAddress: phone }, { toAddresses: { has: phone } }] : []),
      { AND: [readableBodyWhere(access), { body: insensitive(text) }] },
    ],
  };
}

function filterWhere(filter: CommunicationFilterShape | null | undefined, trash: boolean, access: RecordAccess) {
  const text = filter?.text?.trim();
  return {
    deletedAt: trash ? { not: null } : null,
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(filter?.direction ? { direction: filter.direction } : {}),
    ...(filter?.contactId ? { contacts: { some: { contactId: idFromGlobalId(filter.contactId, 'Contact') } } } : {}),
    ...(filter?.companyId ? { companyId: idFromGlobalId(filter.companyId, 'Company') } : {}),
    ...(filter?.dealId ? { dealId: idFromGlobalId(filter.dealId, 'Deal') } : {}),
    ...(filter?.ownerId ? { ownerId: idFromGlobalId(filter.ownerId, 'User', 'Owner') } : {}),
    ...(filter?.occurredAt ? { occurredAt: dateRangeWhere(filter.occurredAt) } : {}),
    ...(text ? textWhere(text, access) : {}),
  };
}

const SORT_COLUMNS = { OCCURRED_AT: 'occurredAt', CREATED_AT: 'createdAt' } as const;

type CommunicationListArgs = LinkedListArgs & { filter?: CommunicationFilterShape | null; sort?: typeof CommunicationSort.$inferInput | null };

builder.queryFields((t) => ({
  communications: linkedListField(t, {
    type: 'Communication',
    model: 'communication',
    description: 'Communication records you can see, most recent first unless sorted; `trash: true` lists deleted ones instead.',
    filter: CommunicationFilter,
    sort: CommunicationSort,
    where: (access, args: CommunicationListArgs) => ({ AND: [visibleWhere(access), filterWhere(args.filter, !!args.trash, access)] }),
    order: { columns: SORT_COLUMNS, unsorted: { field: 'OCCURRED_AT', direction: 'desc' } },
  }),
  communication: recordField(t, {
    type: 'Communication',
    model: 'communication',
    description: 'A record you can see: NOT_FOUND when it is in the trash or private to others.',
    checkedBy: 'record',
  }),
}));
