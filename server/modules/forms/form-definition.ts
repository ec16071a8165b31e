// What a form is made of, validated once with zod: used by the GraphQL inputs and by the public endpoint.
import { z } from 'zod';
import { MAX_TEXT } from '../records/common.types.js';

export const FIELD_TYPES = ['TEXT', 'EMAIL', 'PHONE', 'TEXTAREA', 'SELECT', 'CHECKBOX'] as const;
export const FIELD_TARGETS = ['FIRST_NAME', 'LAST_NAME', 'EMAIL', 'PHONE', 'JOB_TITLE', 'COMPANY_NAME', 'LOCATION', 'HEADLINE', 'NOTE', 'CUSTOM'] as const;

export type FieldType = (typeof FIELD_TYPES)[number];
export type FieldTarget = (typeof FIELD_TARGETS)[number];

export interface FormFieldDefinition {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** Choices of a SELECT field; empty for other types. */
  options: string[];
  mapsTo: FieldTarget;
  /** The contact custom-field key a CUSTOM field fills. */
  customKey: string | null;
}

/** The hidden field bots fill in and people never see; a filled one means "accept, store nothing". */
export const HONEYPOT_FIELD = 'website_url';
export const MAX_FIELDS = 50;
export const MAX_OPTIONS = 100;

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const CUSTOM_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const SHORT_TEXT_TYPES: readonly FieldType[] = ['TEXT', 'SELECT'];

/** Which field types may fill which contact field; NOTE and CUSTOM take any. */
const TYPES_FOR_TARGET: Record<FieldTarget, readonly FieldType[]> = {
  EMAIL: ['EMAIL'],
  PHONE: ['PHONE'],
  FIRST_NAME: SHORT_TEXT_TYPES,
  LAST_NAME: SHORT_TEXT_TYPES,
  JOB_TITLE: SHORT_TEXT_TYPES,
  COMPANY_NAME: SHORT_TEXT_TYPES,
  LOCATION: SHORT_TEXT_TYPES,
  HEADLINE: SHORT_TEXT_TYPES,
  NOTE: FIELD_TYPES,
  CUSTOM: FIELD_TYPES,
};

const fieldSchema = z.object({
  key: z.string().regex(KEY, 'Keys start with a lowercase letter and use a-z, 0-9 and _ (at most 40).'),
  label: z.string().trim().min(1, 'A label is required.').max(MAX_TEXT, `Labels have at most ${MAX_TEXT} characters.`),
  type: z.enum(FIELD_TYPES),
  required: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  options: z
    .array(z.string().trim().min(1, 'Options cannot be empty.').max(MAX_TEXT, `Options have at most ${MAX_TEXT} characters.`))
    .max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options.`)
    .nullish()
    .transform((v) => v ?? []),
  mapsTo: z.enum(FIELD_TARGETS),
  customKey: z
    .string()
    .regex(CUSTOM_KEY, 'Custom field keys use letters, digits and _ (at most 64).')
    .nullish()
    .transform((v) => v ?? null),
});

/** A whole definition: 1..50 fields with unique keys, coherent mappings and exactly one required email. */
export const formFieldsSchema = z
  .array(fieldSchema)
  .min(1, 'A form needs at least one field.')
  .max(MAX_FIELDS, `A form has at most ${MAX_FIELDS} fields.`)
  .superRefine((fields, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const keys = new Set<string>();
    const targets = new Set<FieldTarget>();
    const customKeys = new Set<string>();
    fields.forEach((field, i) => {
      if (field.key === HONEYPOT_FIELD) issue([i, 'key'], `"${HONEYPOT_FIELD}" is reserved for the anti-spam field.`);
      if (keys.has(field.key)) issue([i, 'key'], `The key "${field.key}" is used twice.`);
      keys.add(field.key);
      if (!TYPES_FOR_TARGET[field.mapsTo].includes(field.type)) {
        issue([i, 'mapsTo'], `A ${field.type} field cannot fill ${field.mapsTo}.`);
      }
      if (field.type === 'SELECT' && field.options.length === 0) issue([i, 'options'], 'A SELECT field needs options.');
      if (field.type !== 'SELECT' && field.options.length > 0) issue([i, 'options'], 'Only SELECT fields have options.');
      if (new Set(field.options).size !== field.options.length) issue([i, 'options'], 'Options must be different.');
      if (field.mapsTo === 'CUSTOM') {
        if (!field.customKey) issue([i, 'customKey'], 'A CUSTOM field needs the custom field key it fills.');
        else if (customKeys.has(field.customKey)) issue([i, 'customKey'], `Two fields fill the custom field "${field.customKey}".`);
        if (field.customKey) customKeys.add(field.customKey);
      } else if (field.customKey) {
        issue([i, 'customKey'], 'Only CUSTOM fields have a custom field key.');
      }
      if (field.mapsTo !== 'NOTE' && field.mapsTo !== 'CUSTOM') {
        if (targets.has(field.mapsTo)) issue([i, 'mapsTo'], `Two fields fill ${field.mapsTo}.`);
        targets.add(field.mapsTo);
      }
      if (field.mapsTo === 'EMAIL' && !field.required) issue([i, 'required'], 'The email field must be required.');
    });
    if (!targets.has('EMAIL')) issue([], 'A form needs one required EMAIL field mapped to EMAIL: it finds the contact.');
  });

/** Fields as stored in Form.fields (always written through formFieldsSchema). */
export function storedFields(json: unknown): FormFieldDefinition[] {
  return Array.isArray(json) ? (json as FormFieldDefinition[]) : [];
}

/** What the public endpoint reveals for rendering: no mappings, nothing about the workspace. */
export function publicDefinition(fields: FormFieldDefinition[]) {
  return fields.map(({ key, label, type, required, options }) => ({
    key,
    label,
    type,
    required,
    ...(type === 'SELECT' ? { options } : {}),
  }));
}
