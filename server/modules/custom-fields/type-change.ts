// Converting stored values when a field changes type: through the value's text, with a few direct paths
// (select to multi select, dates, currency to number). Select targets gain an option per distinct text.
import { randomUUID } from 'node:crypto';
import type { CustomFieldType } from '../../generated/prisma/enums.js';
import { dateOnly, optionsOf, textProblem, TEXT_TYPES, valueText, type FieldDefinition, type FieldOption, type StoredValue } from './field-values.js';

export type Conversion = { value: StoredValue } | { problem: string };

const TRUE = new Set(['true', 'yes', 'y', '1', 'on', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off', '']);
const MAX_NEW_OPTIONS = 200;

export class OptionBook {
  readonly options: FieldOption[];
  constructor(options: FieldOption[]) {
    this.options = [...options];
  }
  idFor(label: string): string | null {
    const found = this.options.find((o) => o.label.toLowerCase() === label.toLowerCase());
    if (found) return found.id;
    if (this.options.length >= MAX_NEW_OPTIONS) return null;
    const option = { id: randomUUID(), label, colour: 'gray', position: this.options.length };
    this.options.push(option);
    return option.id;
  }
}

function fromText(text: string, to: CustomFieldType, book: OptionBook): Conversion {
  const trimmed = text.trim();
  const no = (why: string): Conversion => ({ problem: `"${trimmed.slice(0, 80)}" ${why}` });
  switch (to) {
    case 'NUMBER': {
      const n = Number(trimmed.replace(/[\s,]/g, ''));
      return trimmed !== '' && Number.isFinite(n) ? { value: n } : no('is not a number');
    }
    case 'CHECKBOX': {
      const folded = trimmed.toLowerCase();
      return TRUE.has(folded) ? { value: true } : FALSE.has(folded) ? { value: false } : no('is not yes or no');
    }
    case 'DATE':
    case 'DATETIME': {
      const at = /^\d{4}-\d{2}-\d{2}/.test(trimmed) ? new Date(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed) : new Date(NaN);
      if (Number.isNaN(at.getTime())) return no('is not an ISO date');
      return { value: to === 'DATE' ? dateOnly(at) : at.toISOString() };
    }
    case 'SELECT': {
      const id = book.idFor(trimmed);
      return id ? { value: id } : no('would need too many options');
    }
    case 'MULTI_SELECT': {
      const ids = trimmed
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => book.idFor(part));
      return ids.every(Boolean) ? { value: [...new Set(ids as string[])] } : no('would need too many options');
    }
    case 'CURRENCY': {
      const match = /^([A-Za-z]{3})?\s*(-?[\d.,]+)\s*([A-Za-z]{3})?$/.exec(trimmed);
      const currency = (match?.[1] ?? match?.[3])?.toUpperCase();
      const amount = Number(match?.[2]?.replace(/,/g, ''));
      return match && currency && Number.isFinite(amount) ? { value: { amount, currency } } : no('is not an amount with a currency code');
    }
    case 'MEMBER':
      return no('cannot become a member');
    default: {
      const problem = textProblem(to, trimmed);
      return problem ? no(problem.replace(/^takes/, 'is not')) : { value: trimmed };
    }
  }
}

/** The value under the new type, or why it cannot be converted. */
export function convertValue(field: FieldDefinition, value: unknown, to: CustomFieldType, book: OptionBook): Conversion {
  const from = field.type;
  if (from === 'SELECT' && to === 'MULTI_SELECT') return { value: [value as string] };
  if (from === 'MULTI_SELECT' && to === 'SELECT') {
    const ids = value as string[];
    return ids.length <= 1 ? { value: ids[0] ?? '' } : { problem: `${ids.length} options chosen, a single select holds one` };
  }
  if ((from === 'SELECT' || from === 'MULTI_SELECT') && (to === 'SELECT' || to === 'MULTI_SELECT')) return { value: value as StoredValue };
  if (from === 'DATE' && to === 'DATETIME') return { value: `${value as string}T00:00:00.000Z` };
  if (from === 'DATETIME' && to === 'DATE') return { value: (value as string).slice(0, 10) };
  if (from === 'CURRENCY' && to === 'NUMBER') return { value: (value as { amount: number }).amount };
  if (from === 'MEMBER') return { problem: 'a member link cannot become another type' };
  if (TEXT_TYPES.has(from) && TEXT_TYPES.has(to) && to === 'LONG_TEXT') return { value: value as string };
  const text = valueText({ type: from, options: optionsOf(field) }, value);
  if (text == null) return { problem: 'no value to convert' };
  return fromText(text, to, book);
}
