// One source row as the record it will become: cells gathered by the mapping, then cleaned and checked the
// way the contact and company forms check them. Empty cells are absent values: they never clear a field.
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { LifecycleStage } from '../../generated/prisma/enums.js';
import { MAX_EMAIL, normalizeEmail } from '../accounts/inputs.js';
import { normalizeDomain, normalizePhone, normalizeProfileUrl, normalizeUrl, type NormalizedProfile } from '../records/normalize.js';
import { CUSTOM_PREFIX, specOf, type ImportEntity } from './fields.js';
import type { ImportMapping } from './mapping.js';
import type { DealValues } from './deal-values.js';

export interface ContactValues {
  firstName: string;
  lastName: string;
  jobTitle?: string;
  headline?: string;
  location?: string;
  source?: string;
  lifecycleStage?: LifecycleStage;
  emails: string[];
  /** E.164. */
  phones: string[];
  profiles: NormalizedProfile[];
  tags: string[];
  skills: string[];
  company?: string;
  companyDomain?: string;
  owner?: string;
  note?: string;
  custom: Record<string, string>;
}

export interface CompanyValues {
  name: string;
  domain?: string;
  website?: string;
  industry?: string;
  size?: string;
  phone?: string;
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  linkedinUrl?: string;
  owner?: string;
  tags: string[];
  note?: string;
  custom: Record<string, string>;
}

export type RowValues = { entity: 'CONTACT'; values: ContactValues } | { entity: 'COMPANY'; values: CompanyValues } | { entity: 'DEAL'; values: DealValues };

export interface CheckedRow {
  values: RowValues | null;
  /** Everything wrong with the row; a row with errors is not imported. */
  errors: string[];
}

const MAX_TEXT = 500;
const MAX_NOTE = 20_000;
const MAX_LIST = 50;

/** Cells by field: scalar fields joined, list fields split ("a; b", one per line, or a JSON array as Twenty writes). */
export function gather(cells: string[], mapping: ImportMapping): { scalars: Map<string, string>; lists: Map<string, string[]> } {
  const scalars = new Map<string, string>();
  const lists = new Map<string, string[]>();
  mapping.columns.forEach((field, i) => {
    // Kith's export (and its error file) write a cell starting like a formula with an apostrophe before it.
    const cell = (cells[i] ?? '').trim().replace(/^'(?=[=+\-@])/, '');
    if (!field || !cell) return;
    const spec = specOf(mapping.entity, field);
    if (spec.list) {
      lists.set(field, [...(lists.get(field) ?? []), ...splitList(cell)]);
    } else {
      const before = scalars.get(field);
      scalars.set(field, before ? `${before}${spec.join ?? ' '}${cell}` : cell);
    }
  });
  return { scalars, lists };
}

function splitList(cell: string): string[] {
  if (cell.startsWith('[') && cell.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(cell);
      if (Array.isArray(parsed)) return parsed.map((v) => String(v ?? '').trim()).filter(Boolean);
    } catch {
      // not JSON: split as text
    }
  }
  // Google writes labels as "* myContacts ::: Friends".
  return cell
    .split(/\s*(?:[\n;,]|:::)\s*/)
    .map((v) => v.trim())
    .filter((v) => v && v !== '* myContacts' && v !== '* starred');
}

/** Built once: making the schema per cell cost more than the rest of the row's checks. */
const EMAIL = z.email();
const isEmail = (value: string) => value.length <= MAX_EMAIL && EMAIL.safeParse(value).success;

export function clipped(value: string | undefined, max = MAX_TEXT): string | undefined {
  if (!value) return undefined;
  return value.length > max ? value.slice(0, max) : value;
}

export function unique<T>(items: T[], key: (item: T) => string = String): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

/** "Doe, Jane" and "Jane Doe" → first Jane, last Doe. */
function splitName(full: string): { first: string; last: string } {
  const comma = full.indexOf(',');
  if (comma > 0) return { first: full.slice(comma + 1).trim(), last: full.slice(0, comma).trim() };
  const parts = full.trim().split(/\s+/);
  if (parts.length === 1) return { first: parts[0]!, last: '' };
  return { first: parts.slice(0, -1).join(' '), last: parts.at(-1)! };
}

const STAGES = new Map(Object.values(LifecycleStage).map((stage) => [stage.toLowerCase().replace(/[^a-z]/g, ''), stage]));
const STAGE_ALIASES: Record<string, LifecycleStage> = {
  marketingqualifiedlead: 'QUALIFIED',
  salesqualifiedlead: 'QUALIFIED',
  mql: 'QUALIFIED',
  sql: 'QUALIFIED',
  prospect: 'LEAD',
  client: 'CUSTOMER',
  other: 'OTHER',
};

function lifecycleStage(value: string): LifecycleStage | null {
  const key = value.toLowerCase().replace(/[^a-z]/g, '');
  return STAGES.get(key) ?? STAGE_ALIASES[key] ?? null;
}

export const message = (error: unknown) => (error instanceof GraphQLError ? error.message : 'is not valid');

/** A row's checks: `attempt` runs one field's check and keeps its message in `errors` instead of throwing. */
export function rowChecks() {
  const errors: string[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      errors.push(message(error));
      return undefined;
    }
  };
  return { errors, attempt };
}

/** Kith's export writes custom fields as one JSON object; its text values come back (others are not custom fields Kith writes). */
function exportedCustomFields(json: string | undefined): Record<string, string> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed)
        .filter(([key, value]) => typeof value === 'string' && key.length <= 60)
        .map(([key, value]) => [key, clipped(value as string, 2000)!]),
    );
  } catch {
    return {};
  }
}

export function customValues(scalars: Map<string, string>): Record<string, string> {
  const custom: Record<string, string> = exportedCustomFields(scalars.get('customFields'));
  for (const [field, value] of scalars) if (field.startsWith(CUSTOM_PREFIX)) custom[field.slice(CUSTOM_PREFIX.length)] = clipped(value, 2000)!;
  return custom;
}

export function checkContact(cells: string[], mapping: ImportMapping, phoneCountry: string | undefined): CheckedRow {
  const { scalars, lists } = gather(cells, mapping);
  const errors: string[] = [];
  const emails: string[] = [];
  for (const raw of lists.get('emails') ?? []) {
    const email = normalizeEmail(raw.replace(/^mailto:/i, ''));
    if (isEmail(email)) emails.push(email);
    else errors.push(`"${raw}" is not a valid email address.`);
  }
  const phones: string[] = [];
  for (const raw of lists.get('phones') ?? []) {
    try {
      phones.push(normalizePhone(raw, phoneCountry));
    } catch {
      errors.push(
        phoneCountry
          ? `"${raw}" is not a valid phone number in ${phoneCountry} or with a country code.`
          : `"${raw}" is not a valid phone number (include the country code, or set the workspace's default country).`,
      );
    }
  }
  const profiles: NormalizedProfile[] = [];
  for (const raw of lists.get('profileUrls') ?? []) {
    try {
      profiles.push(normalizeProfileUrl(raw));
    } catch (error) {
      errors.push(message(error));
    }
  }
  let stage: LifecycleStage | undefined;
  const stageText = scalars.get('lifecycleStage');
  if (stageText) {
    stage = lifecycleStage(stageText) ?? undefined;
    if (!stage) errors.push(`"${stageText}" is not a lifecycle stage (${Object.values(LifecycleStage).join(', ').toLowerCase()}).`);
  }
  let firstName = scalars.get('firstName') ?? '';
  let lastName = scalars.get('lastName') ?? '';
  const full = scalars.get('fullName');
  if (!firstName && !lastName && full) ({ first: firstName, last: lastName } = splitName(full));
  if (!firstName && !lastName) {
    if (emails[0]) firstName = emails[0];
    else errors.push('A name or an email address is needed.');
  }
  const companyDomainText = scalars.get('companyDomain');
  let companyDomain: string | undefined;
  if (companyDomainText) {
    try {
      companyDomain = normalizeDomain(companyDomainText);
    } catch (error) {
      errors.push(message(error));
    }
  }
  if (emails.length + phones.length + profiles.length > MAX_LIST * 3) errors.push(`A contact has at most ${MAX_LIST} emails, phones and profiles each.`);
  const values: ContactValues = {
    firstName: clipped(firstName, 200)!,
    lastName: clipped(lastName, 200) ?? '',
    jobTitle: clipped(scalars.get('jobTitle')),
    headline: clipped(scalars.get('headline')),
    location: clipped(scalars.get('location')),
    source: clipped(scalars.get('source')),
    lifecycleStage: stage,
    emails: unique(emails).slice(0, MAX_LIST),
    phones: unique(phones).slice(0, MAX_LIST),
    profiles: unique(profiles, (p) => p.key).slice(0, MAX_LIST),
    tags: unique(
      (lists.get('tags') ?? []).map((t) => t.slice(0, 100)),
      (t) => t.toLowerCase(),
    ).slice(0, MAX_LIST),
    skills: unique(
      (lists.get('skills') ?? []).map((s) => s.slice(0, 100)),
      (s) => s.toLowerCase(),
    ).slice(0, MAX_LIST),
    company: clipped(scalars.get('company'), 200),
    companyDomain,
    owner: scalars.get('owner'),
    note: clipped(scalars.get('note'), MAX_NOTE),
    custom: customValues(scalars),
  };
  return { values: errors.length ? null : { entity: 'CONTACT', values }, errors };
}

export function checkCompany(cells: string[], mapping: ImportMapping): CheckedRow {
  const { scalars, lists } = gather(cells, mapping);
  const { errors, attempt } = rowChecks();
  const websiteText = scalars.get('website');
  const website = websiteText ? attempt(() => normalizeUrl(websiteText, 'website')) : undefined;
  const domainText = scalars.get('domain') ?? (website ? new URL(website).hostname : undefined);
  const domain = domainText ? attempt(() => normalizeDomain(domainText)) : undefined;
  const linkedinText = scalars.get('linkedinUrl');
  const linkedinUrl = linkedinText ? attempt(() => normalizeUrl(linkedinText, 'linkedinUrl')) : undefined;
  const name = scalars.get('name') ?? domain ?? '';
  if (!name) errors.push('A name or a domain is needed.');
  const values: CompanyValues = {
    name: clipped(name, 200)!,
    domain,
    website,
    industry: clipped(scalars.get('industry')),
    size: clipped(scalars.get('size'), 50),
    phone: clipped(scalars.get('phone'), 50),
    street: clipped(scalars.get('street')),
    city: clipped(scalars.get('city')),
    region: clipped(scalars.get('region')),
    postalCode: clipped(scalars.get('postalCode'), 20),
    country: clipped(scalars.get('country')),
    linkedinUrl,
    owner: scalars.get('owner'),
    tags: unique(
      (lists.get('tags') ?? []).map((t) => t.slice(0, 100)),
      (t) => t.toLowerCase(),
    ).slice(0, MAX_LIST),
    note: clipped(scalars.get('note'), MAX_NOTE),
    custom: customValues(scalars),
  };
  return { values: errors.length ? null : { entity: 'COMPANY', values }, errors };
}

/** "Acme, Inc." and "ACME inc" are the same company; legal forms and punctuation do not count. */
export function normalizeCompanyName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sas|sarl|bv|nv|plc|corp|corporation|co|company|oy|ab|as|spa|srl|kg)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function entityOf(mapping: ImportMapping): ImportEntity {
  return mapping.entity;
}
