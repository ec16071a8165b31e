// A deal row's cells as a deal: the amount read as minor units of its currency ("1,234.50", "€ 1.234,50"),
// the close date as a calendar day, the contacts as emails. Pipeline, stage, owner, company and contacts are
// names here; deal-batch.ts finds them in the workspace.
import { GraphQLError } from 'graphql';
import { normalizeEmail } from '../accounts/inputs.js';
import { MAX_AMOUNT_DIGITS, minorDigits } from '../deals/money.js';
import { normalizeCurrency, normalizeDomain } from '../records/normalize.js';
import type { ImportMapping } from './mapping.js';
import { clipped, customValues, gather, rowChecks, unique, type CheckedRow } from './row-values.js';

export interface DealValues {
  name: string;
  /** Minor units, as a decimal string (bigint is not JSON). */
  amountMinor?: string;
  currency?: string;
  pipeline?: string;
  stage?: string;
  /** YYYY-MM-DD. */
  closeDate?: string;
  owner?: string;
  company?: string;
  companyDomain?: string;
  contactEmails: string[];
  tags: string[];
  note?: string;
  custom: Record<string, string>;
}

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

/** "1,234.50" / "1.234,50" / "1 234,5" → minor units; a lone separator before exactly three digits groups thousands. */
export function amountInMinor(text: string, currency: string): string {
  const cleaned = text.replace(/[\s\u00a0'$€£¥]|[A-Z]{3}/gi, '');
  if (!/^\d[\d.,]*$/.test(cleaned)) throw new GraphQLError(`"${text}" is not an amount.`);
  const lastDot = cleaned.lastIndexOf('.');
  const lastComma = cleaned.lastIndexOf(',');
  let decimal = Math.max(lastDot, lastComma);
  const separator = cleaned[decimal];
  const single = decimal >= 0 && cleaned.indexOf(separator!) === decimal && (lastDot < 0 || lastComma < 0);
  if (decimal >= 0 && single && cleaned.length - decimal - 1 === 3 && minorDigits(currency) !== 3) decimal = -1;
  if (decimal >= 0 && cleaned.slice(0, decimal).includes(separator!)) decimal = -1;
  const whole = (decimal >= 0 ? cleaned.slice(0, decimal) : cleaned).replace(/[.,]/g, '');
  const fraction = decimal >= 0 ? cleaned.slice(decimal + 1) : '';
  const digits = minorDigits(currency);
  if (fraction.length > digits) throw new GraphQLError(`"${text}" has more decimals than ${currency} allows (${digits}).`);
  const minor = (whole + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (minor.length > MAX_AMOUNT_DIGITS) throw new GraphQLError(`"${text}" is too large an amount.`);
  return minor;
}

/** ISO dates, and day/month/year or month/day/year when the day is past 12. */
export function calendarDay(text: string): string {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  const slashed = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  let parts: [number, number, number] | null = null;
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (slashed) {
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    if (a > 12 && b <= 12) parts = [Number(slashed[3]), b, a];
    else if (b > 12 && a <= 12) parts = [Number(slashed[3]), a, b];
    else if (a === b) parts = [Number(slashed[3]), a, b];
  }
  if (!parts) throw new GraphQLError(`"${text}" is not a date Kith can read unambiguously (use YYYY-MM-DD).`);
  const date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
  if (date.getUTCMonth() !== parts[1] - 1 || date.getUTCDate() !== parts[2]) throw new GraphQLError(`"${text}" is not a date.`);
  return date.toISOString().slice(0, 10);
}

export function checkDeal(cells: string[], mapping: ImportMapping): CheckedRow {
  const { scalars, lists } = gather(cells, mapping);
  const { errors, attempt } = rowChecks();
  const name = scalars.get('name') ?? '';
  if (!name) errors.push('A deal needs a name.');
  const amountText = scalars.get('amount');
  const currencyText = scalars.get('currency') ?? (amountText ? SYMBOLS[amountText.replace(/[^$€£¥]/g, '')[0] ?? ''] : undefined);
  const currency = currencyText ? attempt(() => normalizeCurrency(currencyText)) : undefined;
  const amountMinor = amountText ? attempt(() => amountInMinor(amountText, currency ?? 'USD')) : undefined;
  const closeText = scalars.get('closeDate');
  const closeDate = closeText ? attempt(() => calendarDay(closeText)) : undefined;
  const domainText = scalars.get('companyDomain');
  const companyDomain = domainText ? attempt(() => normalizeDomain(domainText)) : undefined;
  const contactEmails: string[] = [];
  for (const raw of lists.get('contactEmails') ?? []) contactEmails.push(normalizeEmail(raw.replace(/^mailto:/i, '')));
  const values: DealValues = {
    name: clipped(name, 200)!,
    amountMinor,
    currency,
    pipeline: clipped(scalars.get('pipeline'), 200),
    stage: clipped(scalars.get('stage'), 200),
    closeDate,
    owner: scalars.get('owner'),
    company: clipped(scalars.get('company'), 200),
    companyDomain,
    contactEmails: unique(contactEmails).slice(0, 50),
    tags: unique(
      (lists.get('tags') ?? []).map((t) => t.slice(0, 100)),
      (t) => t.toLowerCase(),
    ).slice(0, 50),
    note: clipped(scalars.get('note'), 20_000),
    custom: customValues(scalars),
  };
  return { values: errors.length ? null : { entity: 'DEAL', values }, errors };
}
