import { builder } from '../../builder.js';
import { DateRangeInput, MAX_LONG_TEXT, requiredText, shortText, SortDirection } from '../records/common.types.js';

export const NoteInput = builder.inputType('NoteInput', {
  description: 'On update, fields left out stay as they are; null clears a link.',
  fields: (t) => ({
    body: t.string({ required: false, description: 'Markdown, up to 100,000 characters.', validate: requiredText('Body', MAX_LONG_TEXT) }),
    contactId: t.id({ required: false }),
    companyId: t.id({ required: false }),
    dealId: t.id({ required: false }),
  }),
});

export type NoteInputShape = typeof NoteInput.$inferInput;

export const NoteFilter = builder.inputType('NoteFilter', {
  fields: (t) => ({
    contactId: t.id({ required: false }),
    companyId: t.id({ required: false }),
    dealId: t.id({ required: false }),
    createdById: t.id({ required: false, description: 'The author (a User ID).' }),
    text: t.string({ required: false, description: 'Contained in the body (case-insensitive).', validate: shortText('Text') }),
    createdAt: t.field({ type: DateRangeInput, required: false }),
  }),
});

export type NoteFilterShape = typeof NoteFilter.$inferInput;

export const NoteSortField = builder.enumType('NoteSortField', { values: ['CREATED_AT', 'UPDATED_AT'] as const });

export const NoteSort = builder.inputType('NoteSort', {
  fields: (t) => ({
    field: t.field({ type: NoteSortField }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC' }),
  }),
});
