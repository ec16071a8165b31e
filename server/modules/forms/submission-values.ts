// Checks one public submission against its form, field by field, and returns the cleaned values.
import { z } from 'zod';
import { MAX_TEXT } from '../records/common.types.js';
import { normalizePhone } from '../records/normalize.js';
import { HONEYPOT_FIELD, type FormFieldDefinition } from './form-definition.js';

export type CleanValue = string | boolean;
export type CleanValues = Record<string, CleanValue>;

export interface FieldError {
  field: string;
  message: string;
}

export type Checked = { ok: true; values: CleanValues } | { ok: false; errors: FieldError[] };

/** One raw value per key, as posted: strings (form-encoded), or JSON scalars; a list means a repeated key. */
export type RawValues = Record<string, unknown>;

const MAX_LENGTH: Record<FormFieldDefinition['type'], number> = {
  TEXT: MAX_TEXT,
  EMAIL: 254,
  PHONE: 50,
  TEXTAREA: 5000,
  SELECT: MAX_TEXT,
  CHECKBOX: 5,
};

const email = z.email();
const TRUE = new Set(['true', 'on', '1', 'yes']);
const FALSE = new Set(['false', 'off', '0', 'no', '']);

/** Whether the honeypot holds anything: bots fill every input they find. */
export function honeypotFilled(raw: RawValues): boolean {
  const value = Object.hasOwn(raw, HONEYPOT_FIELD) ? raw[HONEYPOT_FIELD] : undefined;
  return value != null && value !== false && String(value).trim() !== '';
}

function clean(field: FormFieldDefinition, raw: unknown, phoneCountry?: string): { value?: CleanValue; error?: string } {
  if (Array.isArray(raw) || (raw !== null && typeof raw === 'object')) return { error: 'Send a single value.' };
  if (field.type === 'CHECKBOX') {
    const text = raw == null ? '' : String(raw).trim().toLowerCase();
    if (TRUE.has(text)) return { value: true };
    if (!FALSE.has(text)) return { error: 'Must be checked or not (true or false).' };
    return field.required ? { error: 'This box must be checked.' } : { value: false };
  }
  const text = raw == null || raw === false ? '' : String(raw).trim();
  if (text === '') return field.required ? { error: 'This field is required.' } : {};
  if (text.length > MAX_LENGTH[field.type]) return { error: `At most ${MAX_LENGTH[field.type]} characters.` };
  switch (field.type) {
    case 'EMAIL':
      return email.safeParse(text).success ? { value: text.toLowerCase() } : { error: 'Not a valid email address.' };
    case 'PHONE':
      try {
        return { value: normalizePhone(text, phoneCountry) };
      } catch {
        return { error: 'Not a valid phone number (include the country code, e.g. +44).' };
      }
    case 'SELECT':
      return field.options.includes(text) ? { value: text } : { error: 'Choose one of the options.' };
    default:
      return { value: text };
  }
}

/** Every field checked, every unknown key refused; all problems are reported at once. */
/** `phoneCountry`: the workspace's default, for numbers written without +code. */
export function checkSubmission(fields: FormFieldDefinition[], raw: RawValues, phoneCountry?: string): Checked {
  const errors: FieldError[] = [];
  const values: CleanValues = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(raw)) {
    if (!known.has(key) && key !== HONEYPOT_FIELD) errors.push({ field: key.slice(0, 100), message: 'This form has no such field.' });
  }
  for (const field of fields) {
    const { value, error } = clean(field, Object.hasOwn(raw, field.key) ? raw[field.key] : undefined, phoneCountry);
    if (error) errors.push({ field: field.key, message: error });
    else if (value !== undefined) values[field.key] = value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}
