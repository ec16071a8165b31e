// What each custom field type stores in a record's customFields document, and how an input operand becomes it.
// Stored shapes: text types a string; NUMBER a number; CURRENCY { amount, currency }; DATE "YYYY-MM-DD";
// DATETIME an ISO string in UTC; CHECKBOX a boolean; SELECT an option id; MULTI_SELECT option ids; MEMBER a user id.
// Dates are strings in sortable form, so jsonb comparison orders them.
import { z } from 'zod';
import { badInput } from '../../errors.js';
import type { CustomFieldType } from '../../generated/prisma/enums.js';

export interface FieldOption {
  id: string;
  label: string;
  colour: string;
  position: number;
}

export interface FieldDefinition {
  id: string;
  workspaceId: string;
  key: string;
  label: string;
  type: CustomFieldType;
  required: boolean;
  unique: boolean;
  options: unknown;
}

export type Currency = { amount: number; currency: string };
export type StoredValue = string | number | boolean | string[] | Currency;

/** One typed operand; which one a field takes depends on its type (OPERAND). */
export interface ValueOperand {
  text?: string | null;
  number?: number | null;
  amount?: number | null;
  currency?: string | null;
  date?: Date | null;
  dateTime?: Date | null;
  checked?: boolean | null;
  optionId?: string | null;
  optionIds?: string[] | null;
  memberId?: string | null;
}

export const OPERAND: Record<CustomFieldType, keyof ValueOperand> = {
  TEXT: 'text',
  LONG_TEXT: 'text',
  URL: 'text',
  EMAIL: 'text',
  PHONE: 'text',
  NUMBER: 'number',
  CURRENCY: 'amount',
  DATE: 'date',
  DATETIME: 'dateTime',
  CHECKBOX: 'checked',
  SELECT: 'optionId',
  MULTI_SELECT: 'optionIds',
  MEMBER: 'memberId',
};

export const TEXT_TYPES: ReadonlySet<CustomFieldType> = new Set(['TEXT', 'LONG_TEXT', 'URL', 'EMAIL', 'PHONE']);
/** Types whose values are unique-checkable by equality. */
export const UNIQUE_TYPES: ReadonlySet<CustomFieldType> = new Set(['TEXT', 'URL', 'EMAIL', 'PHONE', 'NUMBER']);

export const optionsOf = (field: Pick<FieldDefinition, 'options'>) => [...((field.options ?? []) as FieldOption[])].sort((a, b) => a.position - b.position);

const MAX_LENGTH: Partial<Record<CustomFieldType, number>> = { TEXT: 2000, LONG_TEXT: 20_000, URL: 2000, EMAIL: 254, PHONE: 50 };
const url = z.url({ protocol: /^https?$/ });
const email = z.email();
const PHONE = /^\+?[\d\s().-]{3,40}$/;

/** Checks a text for a text type; returns the reason it does not fit, or null. */
export function textProblem(type: CustomFieldType, text: string): string | null {
  if (text.length > (MAX_LENGTH[type] ?? 2000)) return `has at most ${MAX_LENGTH[type]} characters`;
  if (type === 'URL' && !url.safeParse(text).success) return 'takes an http(s) URL';
  if (type === 'EMAIL' && !email.safeParse(text).success) return 'takes an email address';
  if (type === 'PHONE' && !PHONE.test(text)) return 'takes a phone number';
  return null;
}

export const dateOnly = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The stored value for an operand, or null to clear. Member ids are checked by the caller (needs the
 * database); everything else is checked here, with the error naming the field.
 */
export function parseOperand(field: FieldDefinition, operand: ValueOperand, path: string): StoredValue | null {
  const fail = (what: string) => badInput(`${field.label} (${field.key}) ${what}.`, path);
  const expected = OPERAND[field.type];
  const given = (Object.keys(operand) as Array<keyof ValueOperand>).filter((k) => operand[k] != null && k !== 'currency');
  if (given.some((k) => k !== expected)) throw fail(`takes \`${expected}\`, not \`${given.find((k) => k !== expected)}\``);
  const raw = operand[expected];
  if (raw == null) return null;
  switch (field.type) {
    case 'NUMBER':
      return raw as number;
    case 'CURRENCY': {
      const currency = operand.currency?.trim().toUpperCase();
      if (!currency || !/^[A-Z]{3}$/.test(currency)) throw fail('needs a three-letter `currency` with its amount');
      return { amount: raw as number, currency };
    }
    case 'DATE':
      return dateOnly(raw as Date);
    case 'DATETIME':
      return (raw as Date).toISOString();
    case 'CHECKBOX':
      return raw as boolean;
    case 'SELECT':
      if (!optionsOf(field).some((o) => o.id === raw)) throw fail(`has no option ${String(raw)}`);
      return raw as string;
    case 'MULTI_SELECT': {
      const ids = [...new Set(raw as string[])];
      const missing = ids.find((id) => !optionsOf(field).some((o) => o.id === id));
      if (missing) throw fail(`has no option ${missing}`);
      return ids;
    }
    case 'MEMBER':
      return raw as string;
    default: {
      const text = (raw as string).trim();
      if (text === '') return null;
      const problem = textProblem(field.type, text);
      if (problem) throw fail(problem);
      return text;
    }
  }
}

/** A value as text: what search indexes, CSV exports show, and type changes start from. */
export function valueText(field: Pick<FieldDefinition, 'type' | 'options'>, value: unknown): string | null {
  if (value == null) return null;
  const label = (id: unknown) => optionsOf(field).find((o) => o.id === id)?.label ?? null;
  switch (field.type) {
    case 'SELECT':
      return label(value);
    case 'MULTI_SELECT':
      return Array.isArray(value) ? value.map(label).filter(Boolean).join(', ') : null;
    case 'CURRENCY': {
      const c = value as Partial<Currency>;
      return c.amount == null ? null : `${c.amount} ${c.currency ?? ''}`.trim();
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
