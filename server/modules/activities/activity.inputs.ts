import { builder } from '../../builder.js';
import { DateRangeInput, MAX_LONG_TEXT, requiredText, shortText, SortDirection } from '../records/common.types.js';
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
    contactId: t.id({ required: false }),
    companyId: t.id({ required: false }),
    dealId: t.id({ required: false }),
  }),
});

export type ActivityInputShape = typeof ActivityInput.$inferInput;

export const ActivityFilter = builder.inputType('ActivityFilter', {
  fields: (t) => ({
    type: t.field({ type: ActivityTypeEnum, required: false }),
    done: t.boolean({ required: false }),
    assigneeId: t.id({ required: false }),
    dueAt: t.field({ type: DateRangeInput, required: false }),
    contactId: t.id({ required: false }),
    companyId: t.id({ required: false }),
    dealId: t.id({ required: false }),
    text: t.string({ required: false, description: 'Contained in the subject or body (case-insensitive).', validate: shortText('Text') }),
  }),
});

export type ActivityFilterShape = typeof ActivityFilter.$inferInput;

export const ActivitySortField = builder.enumType('ActivitySortField', { values: ['DUE_AT', 'CREATED_AT', 'UPDATED_AT'] as const });

export const ActivitySort = builder.inputType('ActivitySort', {
  description: 'Activities without a due date come last whichever the direction.',
  fields: (t) => ({
    field: t.field({ type: ActivitySortField }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC' }),
  }),
});
