import { z } from 'zod';
import { builder } from '../../builder.js';
import { CompanyFilter, CompanySort } from '../companies/company.inputs.js';
import { ContactFilter, ContactSort } from '../contacts/contact.inputs.js';
import { CustomFieldSortInput } from '../custom-fields/custom-field.inputs.js';
import { CustomFieldEntityEnum } from '../custom-fields/custom-field.types.js';
import { DealFilter, DealSort } from '../deals/deal.inputs.js';
import { requiredText, shortText } from '../records/common.types.js';
import { MAX_COLUMNS } from './view-layout.js';

const ColumnInput = builder.inputType('SavedViewColumnInput', {
  fields: (t) => ({
    key: t.string({ description: 'A standard column (name, owner, ...) or custom:<field key>.', validate: shortText('Column', 80) }),
    width: t.int({ required: false, description: 'In CSS pixels; the list decides when left out.', validate: z.number().int().min(40).max(2000) }),
  }),
});

type FieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

/** What a view keeps; give the filter and sort of the view's own list. */
const stateFields = (t: FieldBuilder) => ({
  shared: t.boolean({ required: false, description: 'Shared with the workspace (needs views:share), or private to you.' }),
  contactFilter: t.field({ type: ContactFilter, required: false }),
  contactSort: t.field({ type: ContactSort, required: false }),
  companyFilter: t.field({ type: CompanyFilter, required: false }),
  companySort: t.field({ type: CompanySort, required: false }),
  dealFilter: t.field({ type: DealFilter, required: false }),
  dealSort: t.field({ type: DealSort, required: false }),
  customSort: t.field({ type: CustomFieldSortInput, required: false, description: 'Sort by a custom field instead of the sort.' }),
  columns: t.field({
    type: [ColumnInput],
    required: false,
    description: 'Visible columns in order, with their widths.',
    validate: z.array(z.unknown()).max(MAX_COLUMNS, `At most ${MAX_COLUMNS} columns.`),
  }),
  groupBy: t.string({
    required: false,
    description: 'Deal views: the board groups by stage, owner or custom:<single-select field key>.',
    validate: shortText('Grouping', 80),
  }),
});

export const CreateSavedViewInput = builder.inputType('CreateSavedViewInput', {
  fields: (t) => ({
    list: t.field({ type: CustomFieldEntityEnum, description: 'The list the view is of.' }),
    name: t.string({ validate: requiredText('Name', 100) }),
    ...stateFields(t),
  }),
});

export const UpdateSavedViewInput = builder.inputType('UpdateSavedViewInput', {
  description: 'Fields left out stay as they are; a given filter, sort or column list replaces the old one; null clears it.',
  fields: (t) => ({
    name: t.string({ required: false, validate: requiredText('Name', 100) }),
    ...stateFields(t),
  }),
});

export type ViewStateInput = typeof UpdateSavedViewInput.$inferInput;
