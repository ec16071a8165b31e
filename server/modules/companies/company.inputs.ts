import { z } from 'zod';
import { customFieldValuesArg, customFiltersField } from '../custom-fields/custom-field.inputs.js';
import { builder } from '../../builder.js';
import { recordFilter, type FilterFieldBuilder } from '../records/record-filter.js';
import { DateRangeInput, requiredText, shortText, RecordVisibilityEnum, sortInput } from '../records/common.types.js';

const text = (label: string, max?: number) => ({ required: false, validate: shortText(label, max) }) as const;

export const CompanyInput = builder.inputType('CompanyInput', {
  description: 'On update, fields left out stay as they are; null clears them.',
  fields: (t) => ({
    name: t.string({ required: false, validate: requiredText('Name') }),
    domain: t.string(text('Domain', 253)),
    website: t.string(text('Website', 2000)),
    industry: t.string(text('Industry')),
    size: t.string(text('Size', 50)),
    street: t.string(text('Street')),
    city: t.string(text('City')),
    region: t.string(text('Region')),
    postalCode: t.string(text('Postal code', 20)),
    country: t.string(text('Country')),
    phone: t.string(text('Phone', 50)),
    phoneCountry: t.string({ required: false, description: 'ISO country for numbers written without +code.', validate: z.string().length(2) }),
    linkedinUrl: t.string(text('LinkedIn URL', 2000)),
    ownerId: t.id({ required: false, description: 'A member (User ID); defaults to you on create.' }),
    tagIds: t.idList({ required: false, validate: z.array(z.string()).max(50, 'At most 50 tags.') }),
    customFields: t.field(customFieldValuesArg),
    visibility: t.field({ type: RecordVisibilityEnum, required: false }),
  }),
});

export type CompanyInputShape = typeof CompanyInput.$inferInput;

const companyFilterFields = (t: FilterFieldBuilder) => ({
  ownerId: t.id({ required: false }),
  tagId: t.id({ required: false }),
  text: t.string({ required: false, description: 'Contained in the name or domain (case-insensitive).', validate: shortText('Text') }),
  createdAt: t.field({ type: DateRangeInput, required: false }),
  updatedAt: t.field({ type: DateRangeInput, required: false }),
  custom: t.field(customFiltersField),
});

export const CompanyFilter = recordFilter('Company', companyFilterFields);

export const CompanySort = sortInput('Company', ['NAME', 'CREATED_AT', 'UPDATED_AT']);
