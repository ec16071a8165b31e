import { z } from 'zod';
import { builder } from '../../builder.js';
import { requiredText, shortText, SortDirection } from '../records/common.types.js';
import { CustomFieldEntityEnum, CustomFieldTypeEnum } from './custom-field.types.js';

export const MAX_FIELDS = 100;
export const MAX_OPTIONS = 200;
export const KEY = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'A key starts with a letter and has at most 64 letters, digits and underscores.');
const COLOUR = z.string().regex(/^[a-z]{3,12}$|^#[0-9a-fA-F]{6}$/, 'A colour is a name (blue, green, ...) or #rrggbb.');

/** The operands shared by values and filters: give the one the field's type takes. */
const operandFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  text: t.string({ required: false, description: 'TEXT, LONG_TEXT, URL, EMAIL, PHONE.', validate: shortText('Text', 20_000) }),
  number: t.float({ required: false, description: 'NUMBER.', validate: z.number().finite() }),
  amount: t.float({ required: false, description: 'CURRENCY, with `currency`.', validate: z.number().finite() }),
  currency: t.string({ required: false, description: 'ISO 4217 code, with `amount`.', validate: shortText('Currency', 3) }),
  date: t.field({ type: 'Date', required: false, description: 'DATE.' }),
  dateTime: t.field({ type: 'DateTime', required: false, description: 'DATETIME.' }),
  checked: t.boolean({ required: false, description: 'CHECKBOX.' }),
  optionId: t.string({ required: false, description: 'SELECT: an option id.', validate: shortText('Option', 64) }),
  optionIds: t.stringList({
    required: false,
    description: 'MULTI_SELECT, or IN filters on selects.',
    validate: z.array(shortText('Option', 64)).max(MAX_OPTIONS),
  }),
  memberId: t.id({ required: false, description: 'MEMBER: a User ID.' }),
});

export const CustomFieldValueInput = builder.inputType('CustomFieldValueInput', {
  description: 'A value for the field with this key: give the operand its type takes, or none to clear it.',
  fields: (t) => ({ key: t.string({ validate: shortText('Key', 64) }), ...operandFields(t) }),
});

export const customFieldValuesArg = {
  type: [CustomFieldValueInput] as [typeof CustomFieldValueInput],
  required: false as const,
  description: 'Values by field key; on update, fields left out keep their values.',
  validate: z.array(z.unknown()).max(MAX_FIELDS, `At most ${MAX_FIELDS} custom values.`),
};

export const CustomFieldOperatorEnum = builder.enumType('CustomFieldOperator', {
  values: {
    EQ: { description: 'Equal (text: any case; select: the option; multi select: holds the option).' },
    CONTAINS: { description: 'Text types: holds the text, any case.' },
    GT: { description: 'Number, currency amount, date, date-time: after or above.' },
    LT: { description: 'Number, currency amount, date, date-time: before or below.' },
    IN: { description: 'Select, multi select: any of `optionIds`.' },
    IS_EMPTY: { description: 'No value.' },
    IS_NOT_EMPTY: { description: 'Any value.' },
  } as const,
});

export const CustomFieldFilterInput = builder.inputType('CustomFieldFilter', {
  description: 'A condition on one custom field; plain JSON, so a saved view can keep it.',
  fields: (t) => ({ key: t.string({ validate: shortText('Key', 64) }), op: t.field({ type: CustomFieldOperatorEnum }), ...operandFields(t) }),
});

export const customFiltersField = {
  type: [CustomFieldFilterInput] as [typeof CustomFieldFilterInput],
  required: false as const,
  description: 'Conditions on custom fields; every one must hold.',
  validate: z.array(z.unknown()).max(20, 'At most 20 custom field conditions.'),
};

export const CustomFieldSortInput = builder.inputType('CustomFieldSort', {
  description: 'Sort by a custom field; records without a value come last.',
  fields: (t) => ({ key: t.string({ validate: shortText('Key', 64) }), direction: t.field({ type: SortDirection, required: false }) }),
});

const OptionInput = builder.inputType('CustomFieldOptionInput', {
  fields: (t) => ({
    label: t.string({ validate: requiredText('Option label', 100) }),
    colour: t.string({ required: false, validate: COLOUR }),
  }),
});

export const CreateCustomFieldInput = builder.inputType('CreateCustomFieldInput', {
  fields: (t) => ({
    entity: t.field({ type: CustomFieldEntityEnum }),
    key: t.string({ required: false, description: 'Made from the label when left out.', validate: KEY }),
    label: t.string({ validate: requiredText('Label', 100) }),
    helpText: t.string({ required: false, validate: shortText('Help text', 500) }),
    type: t.field({ type: CustomFieldTypeEnum }),
    required: t.boolean({ required: false }),
    unique: t.boolean({ required: false }),
    options: t.field({ type: [OptionInput], required: false, validate: z.array(z.unknown()).max(MAX_OPTIONS) }),
  }),
});

export const UpdateCustomFieldInput = builder.inputType('UpdateCustomFieldInput', {
  description: 'Fields left out stay as they are. The key never changes.',
  fields: (t) => ({
    label: t.string({ required: false, validate: requiredText('Label', 100) }),
    helpText: t.string({ required: false, validate: shortText('Help text', 500) }),
    required: t.boolean({ required: false }),
    unique: t.boolean({ required: false }),
    archived: t.boolean({ required: false, description: 'Archive (hide, keeping values) or bring back.' }),
  }),
});

export const OptionUpdateInput = builder.inputType('CustomFieldOptionUpdateInput', {
  fields: (t) => ({
    label: t.string({ required: false, validate: requiredText('Option label', 100) }),
    colour: t.string({ required: false, validate: COLOUR }),
  }),
});

export { OptionInput as CustomFieldOptionInput };
export type CreateFieldShape = typeof CreateCustomFieldInput.$inferInput;
export type UpdateFieldShape = typeof UpdateCustomFieldInput.$inferInput;
export type FilterShape = typeof CustomFieldFilterInput.$inferInput;
export type SortShape = typeof CustomFieldSortInput.$inferInput;
