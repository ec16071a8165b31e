import { builder } from '../../builder.js';
import { DateRangeInput, MAX_LONG_TEXT, requiredText, shortText, sortInput, linkIdFields } from '../records/common.types.js';

export const NoteInput = builder.inputType('NoteInput', {
  description: 'On update, fields left out stay as they are; null clears a link.',
  fields: (t) => ({
    body: t.string({ required: false, description: 'Markdown, up to 100,000 characters.', validate: requiredText('Body', MAX_LONG_TEXT) }),
    ...linkIdFields(t),
  }),
});

export type NoteInputShape = typeof NoteInput.$inferInput;

export const NoteFilter = builder.inputType('NoteFilter', {
  fields: (t) => ({
    ...linkIdFields(t),
    createdById: t.id({ required: false, description: 'The author (a User ID).' }),
    text: t.string({ required: false, description: 'Contained in the body (case-insensitive).', validate: shortText('Text') }),
    createdAt: t.field({ type: DateRangeInput, required: false }),
  }),
});

export type NoteFilterShape = typeof NoteFilter.$inferInput;

export const NoteSort = sortInput('Note', ['CREATED_AT', 'UPDATED_AT']);
