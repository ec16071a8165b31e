import { z } from 'zod';
import { builder } from '../../builder.js';
import { requiredText } from '../records/common.types.js';

export const MAX_COMMENT = 10_000;
const mentions = z.array(z.string()).max(50, 'At most 50 mentions.');

export const CreateCommentInput = builder.inputType('CreateCommentInput', {
  description: 'Give exactly one of noteId, activityId and dealId.',
  fields: (t) => ({
    noteId: t.id({ required: false }),
    activityId: t.id({ required: false }),
    dealId: t.id({ required: false }),
    body: t.string({ description: 'Markdown.', validate: requiredText('Body', MAX_COMMENT) }),
    mentionUserIds: t.idList({ required: false, description: 'Members (User IDs) to mention.', validate: mentions }),
  }),
});

export type CreateCommentShape = typeof CreateCommentInput.$inferInput;

export const UpdateCommentInput = builder.inputType('UpdateCommentInput', {
  description: 'Fields left out stay as they are; mentionUserIds, when given, replaces the mentions.',
  fields: (t) => ({
    body: t.string({ required: false, validate: requiredText('Body', MAX_COMMENT) }),
    mentionUserIds: t.idList({ required: false, validate: mentions }),
  }),
});

export type UpdateCommentShape = typeof UpdateCommentInput.$inferInput;
