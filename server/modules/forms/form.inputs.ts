import { builder } from '../../builder.js';
import { requiredText } from '../records/common.types.js';
import { formFieldsSchema } from './form-definition.js';
import { FormFieldTargetEnum, FormFieldTypeEnum } from './form.types.js';

export const FormFieldInput = builder.inputType('FormFieldInput', {
  fields: (t) => ({
    key: t.string({ description: 'Lowercase letters, digits and _, starting with a letter; unique in the form.' }),
    label: t.string(),
    type: t.field({ type: FormFieldTypeEnum }),
    required: t.boolean({ required: false, defaultValue: false }),
    options: t.stringList({ required: false, description: 'Choices, for SELECT fields only.' }),
    mapsTo: t.field({ type: FormFieldTargetEnum }),
    customKey: t.string({ required: false, description: 'The contact custom field a CUSTOM field fills.' }),
  }),
});

const FIELDS_DESCRIPTION = '1 to 50 fields; exactly one required EMAIL field mapped to EMAIL (it finds the contact).';

export const CreateFormInput = builder.inputType('CreateFormInput', {
  fields: (t) => ({
    name: t.string({ validate: requiredText('Name') }),
    fields: t.field({ type: [FormFieldInput], description: FIELDS_DESCRIPTION, validate: formFieldsSchema }),
    isActive: t.boolean({ required: false, defaultValue: true }),
  }),
});

export const UpdateFormInput = builder.inputType('UpdateFormInput', {
  description: 'Fields left out stay as they are; `fields` replaces the whole definition.',
  fields: (t) => ({
    name: t.string({ required: false, validate: requiredText('Name') }),
    fields: t.field({ type: [FormFieldInput], required: false, description: FIELDS_DESCRIPTION, validate: formFieldsSchema }),
    isActive: t.boolean({ required: false }),
  }),
});

export type CreateFormShape = typeof CreateFormInput.$inferInput;
export type UpdateFormShape = typeof UpdateFormInput.$inferInput;
