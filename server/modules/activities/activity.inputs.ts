import { builder } from '../../builder.js';
import { DateRangeInput, MAX_LONG_TEXT, requiredText, shortText, sortInput, linkIdFields } from '../records/common.types.js';
import { ActivityTypeEnum } from './activity.types.js';

export const ActivityInput = builder.inputType('ActivityInput', {
  description: 'On update, fields left out stay as they are; null clears them. `type` and `subject` are required on create.',
  fields: (t) => ({
    type: t.field({ type: ActivityTypeEnum, required: false }),
    subject: t.string({ required: false, validate: requiredText('Subject', 500) }),
    body: t.string({ required: false, validate: shortText('Body', MAX_LONG_TEXT) }),
    dueAt: t.field({ type: 'DateTime', required: false }),
    done: t.boolean({ required: false, description: 'Marks it done (or not) now, as completeActivity does.' }),
    assigneeId: t.id({ required: false, description: 'A member (User ID); defaults to you on create.' }),
    ...linkIdFields(t),
  }),
});

export type ActivityInputShape = typeof ActivityInput.$inferInput;

export const ActivityFilter = builder.inputType('ActivityFilter', {
  fields: (t) => ({
    type: t.field({ type: ActivityTypeEnum, required: false }),
    done: t.boolean({ required: false }),
    assigneeId: t.id({ required: false }),
    dueAt: t.field({ type: DateRangeInput, required: false }),
    ...linkIdFields(t),
    text: t.string({ required: false, description: 'Contained in the subject or body (case-insensitive).', validate: shortText('Text') }),
  }),
});

export type ActivityFilterShape = typeof ActivityFilter.$inferInput;

export const ActivitySort = sortInput('Activity', ['DUE_AT', 'CREATED_AT', 'UPDATED_AT'], 'Activities without a due date come last whichever the direction.');
