import { builder } from '../../builder.js';
import { trashTimestampFields, recordNode } from '../records/common.types.js';
import { addRecordLinkFields } from '../records/record-links.js';

export const NoteType = builder.prismaNode('Note', {
  ...recordNode('note'),
  description: 'A markdown note on a contact, company or deal; hidden wherever one of those is hidden.',
  fields: (t) => ({
    body: t.exposeString('body', { description: 'Markdown.' }),
    ...trashTimestampFields(t),
    createdBy: t.relation('createdBy', { nullable: true }),
  }),
});

addRecordLinkFields('Note');
