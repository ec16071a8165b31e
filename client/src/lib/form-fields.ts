import type { FormFieldTarget, FormFieldType } from '../gql/graphql';

export const FIELD_TYPES: FormFieldType[] = ['TEXT', 'EMAIL', 'PHONE', 'TEXTAREA', 'SELECT', 'CHECKBOX'];
export const FIELD_TARGETS: FormFieldTarget[] = [
  'FIRST_NAME',
  'LAST_NAME',
  'EMAIL',
  'PHONE',
  'JOB_TITLE',
  'COMPANY_NAME',
  'LOCATION',
  'HEADLINE',
  'NOTE',
  'CUSTOM',
];

const SHORT: FormFieldType[] = ['TEXT', 'SELECT'];
/** Which field types may fill which contact field (the server's rule, mirrored to offer only valid choices). */
export const TYPES_FOR_TARGET: Record<FormFieldTarget, FormFieldType[]> = {
  EMAIL: ['EMAIL'],
  PHONE: ['PHONE'],
  FIRST_NAME: SHORT,
  LAST_NAME: SHORT,
  JOB_TITLE: SHORT,
  COMPANY_NAME: SHORT,
  LOCATION: SHORT,
  HEADLINE: SHORT,
  NOTE: FIELD_TYPES,
  CUSTOM: FIELD_TYPES,
};

export interface DraftField {
  key: string;
  label: string;
  type: FormFieldType;
  mapsTo: FormFieldTarget;
  required: boolean;
  options: string;
  customKey: string;
}

/** A key from a label: "Company name" -> "company_name". */
export function keyFromLabel(label: string): string {
  const key = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40);
  return key || 'field';
}

export const DEFAULT_FIELDS: DraftField[] = [
  { key: 'email', label: 'Email', type: 'EMAIL', mapsTo: 'EMAIL', required: true, options: '', customKey: '' },
  { key: 'first_name', label: 'First name', type: 'TEXT', mapsTo: 'FIRST_NAME', required: false, options: '', customKey: '' },
  { key: 'last_name', label: 'Last name', type: 'TEXT', mapsTo: 'LAST_NAME', required: false, options: '', customKey: '' },
];

export function toInput(field: DraftField) {
  return {
    key: field.key,
    label: field.label,
    type: field.type,
    mapsTo: field.mapsTo,
    required: field.required,
    options:
      field.type === 'SELECT'
        ? field.options
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean)
        : null,
    customKey: field.mapsTo === 'CUSTOM' ? field.customKey || null : null,
  };
}
