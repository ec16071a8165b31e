import { z } from 'zod';
import { customFieldValuesArg, customFiltersField } from '../custom-fields/custom-field.inputs.js';
import { builder } from '../../builder.js';
import { recordFilter, type FilterFieldBuilder } from '../records/record-filter.js';
import { emailInput } from '../accounts/inputs.js';
import { DateRangeInput, shortText, RecordVisibilityEnum, sortInput } from '../records/common.types.js';
import { LifecycleStageEnum } from './contact.types.js';

export const MAX_EMAILS = 20;
export const MAX_PHONES = 20;
export const MAX_PROFILES = 20;
export const MAX_SKILLS = 50;

const text = (label: string, max?: number) => ({ required: false, validate: shortText(label, max) }) as const;

export const ContactPhoneInput = builder.inputType('ContactPhoneInput', {
  fields: (t) => ({
    number: t.string({ description: 'Any written form; stored as E.164.', validate: shortText('Phone', 50) }),
    label: t.string(text('Phone label', 50)),
  }),
});

export const ContactInput = builder.inputType('ContactInput', {
  description: 'On update, fields left out stay as they are; null clears them; a given list replaces the old one.',
  fields: (t) => ({
    firstName: t.string(text('First name', 100)),
    lastName: t.string(text('Last name', 100)),
    jobTitle: t.string(text('Job title')),
    location: t.string(text('Location')),
    headline: t.string(text('Headline', 300)),
    source: t.string(text('Source', 100)),
    lifecycleStage: t.field({ type: LifecycleStageEnum, required: false }),
    skills: t.stringList({
      required: false,
      validate: z.array(shortText('A skill', 50)).max(MAX_SKILLS, `At most ${MAX_SKILLS} skills.`),
    }),
    emails: t.stringList({
      required: false,
      description: 'Unique in the workspace; the first is primary unless primaryEmail says otherwise.',
      validate: z.array(emailInput).max(MAX_EMAILS, `At most ${MAX_EMAILS} email addresses.`),
    }),
    primaryEmail: t.string({ required: false, description: 'Added to the emails when missing.', validate: emailInput }),
    phones: t.field({
      type: [ContactPhoneInput],
      required: false,
      description: 'The first is primary.',
      validate: z.array(z.unknown()).max(MAX_PHONES, `At most ${MAX_PHONES} phone numbers.`),
    }),
    phoneCountry: t.string({ required: false, description: 'ISO country for numbers written without +code.', validate: z.string().length(2) }),
    profileUrls: t.stringList({
      required: false,
      description: 'LinkedIn, Upwork, Djinni, GitHub, X or any web page.',
      validate: z.array(shortText('A profile URL', 2000)).max(MAX_PROFILES, `At most ${MAX_PROFILES} profile URLs.`),
    }),
    companyId: t.id({ required: false }),
    ownerId: t.id({ required: false, description: 'A member (User ID); defaults to you on create.' }),
    tagIds: t.idList({ required: false, validate: z.array(z.string()).max(50, 'At most 50 tags.') }),
    customFields: t.field(customFieldValuesArg),
    visibility: t.field({ type: RecordVisibilityEnum, required: false }),
  }),
});

export type ContactInputShape = typeof ContactInput.$inferInput;

const contactFilterFields = (t: FilterFieldBuilder) => ({
  ownerId: t.id({ required: false }),
  tagId: t.id({ required: false }),
  companyId: t.id({ required: false }),
  lifecycleStage: t.field({ type: LifecycleStageEnum, required: false }),
  text: t.string({
    required: false,
    description: 'Each word contained in the first or last name, job title or an email (case-insensitive).',
    validate: shortText('Text'),
  }),
  createdAt: t.field({ type: DateRangeInput, required: false }),
  updatedAt: t.field({ type: DateRangeInput, required: false }),
  custom: t.field(customFiltersField),
});

export const ContactFilter = recordFilter('Contact', contactFilterFields);

export type ContactFilterShape = typeof ContactFilter.$inferInput;

export const ContactSort = sortInput('Contact', ['NAME', 'CREATED_AT', 'UPDATED_AT']);
