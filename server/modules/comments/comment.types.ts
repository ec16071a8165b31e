import { builder } from '../../builder.js';
import { trashTimestampFields, recordNode } from '../records/common.types.js';
import '../activities/activity.types.js';
import '../notes/note.types.js';

// Reached only through a comment the viewer sees; the mentioned person is a fellow member.
builder.prismaObject('CommentMention', {
  authScopes: (mention) => ({ seesUser: mention.userId }),
  fields: (t) => ({
    user: t.relation('user'),
  }),
});

export const CommentType = builder.prismaNode('Comment', {
  ...recordNode('comment'),
  description: 'Team discussion on a note, an activity or a deal; visible to whoever sees that record.',
  fields: (t) => ({
    body: t.exposeString('body', { description: 'Markdown.' }),
    ...trashTimestampFields(t),
    author: t.relation('author', { nullable: true }),
    mentions: t.relation('mentions', { description: 'Members mentioned in the comment.', query: { orderBy: { user: { name: 'asc' } } } }),
    note: t.relation('note', { nullable: true }),
    activity: t.relation('activity', { nullable: true }),
    deal: t.relation('deal', { nullable: true }),
  }),
});
