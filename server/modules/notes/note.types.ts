import { builder } from '../../builder.js';
import { trashTimestampFields } from '../records/common.types.js';
import { liveUuidNode } from '../node/uuid.js';
import { addRecordLinkFields } from '../records/record-links.js';

export const NoteType = builder.prismaNode('Note', {
  ...liveUuidNode,
  description: 'A markdown note on a contact, company or deal; hidden wherever one of those is hidden.',
  authScopes: (note) => ({ seesRecord: { model: 'note', id: note.id, workspaceId: note.workspaceId } }),
  fields: (t) => ({
    body: t.exposeString('body', { description: 'Markdown.' }),
    ...trashTimestampFields(t),
    createdBy: t.relation('createdBy', { nullable: true }),
  }),
});

addRecordLinkFields('Note');
