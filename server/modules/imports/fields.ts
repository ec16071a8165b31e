// What a column can be imported as, per kind of record.
export type ImportEntity = 'CONTACT' | 'COMPANY' | 'DEAL';

export interface FieldSpec {
  label: string;
  /** A list field (emails, phones, tags, ...): every column mapped to it adds values, and a cell may hold several. */
  list?: boolean;
  /** A single value fed by several columns (street + city, first + middle name): joined with this. */
  join?: string;
}

export const CONTACT_FIELDS = {
  fullName: { label: 'Full name (split into first and last)', join: ' ' },
  firstName: { label: 'First name', join: ' ' },
  lastName: { label: 'Last name', join: ' ' },
  emails: { label: 'Emails', list: true },
  phones: { label: 'Phones', list: true },
  profileUrls: { label: 'Profile URLs (LinkedIn, GitHub, website, ...)', list: true },
  headline: { label: 'Headline', join: ' ' },
  jobTitle: { label: 'Job title', join: ', ' },
  company: { label: 'Company (name)', join: ' ' },
  companyDomain: { label: 'Company domain or website', join: ' ' },
  location: { label: 'Location', join: ', ' },
  source: { label: 'Source', join: ', ' },
  lifecycleStage: { label: 'Lifecycle stage', join: ' ' },
  owner: { label: 'Owner (member email or name)', join: ' ' },
  tags: { label: 'Tags', list: true },
  skills: { label: 'Skills', list: true },
  note: { label: 'Note', join: '\n\n' },
  customFields: { label: 'Custom fields (a JSON object, as Kith exports them)', join: ' ' },
} as const satisfies Record<string, FieldSpec>;

export const COMPANY_FIELDS = {
  name: { label: 'Name', join: ' ' },
  domain: { label: 'Domain', join: ' ' },
  website: { label: 'Website', join: ' ' },
  industry: { label: 'Industry', join: ', ' },
  size: { label: 'Size', join: ' ' },
  phone: { label: 'Phone', join: ' ' },
  street: { label: 'Street', join: ', ' },
  city: { label: 'City', join: ', ' },
  region: { label: 'Region', join: ', ' },
  postalCode: { label: 'Postal code', join: ' ' },
  country: { label: 'Country', join: ', ' },
  linkedinUrl: { label: 'LinkedIn page', join: ' ' },
  owner: { label: 'Owner (member email or name)', join: ' ' },
  tags: { label: 'Tags', list: true },
  note: { label: 'Note', join: '\n\n' },
  customFields: { label: 'Custom fields (a JSON object, as Kith exports them)', join: ' ' },
} as const satisfies Record<string, FieldSpec>;

export const DEAL_FIELDS = {
  name: { label: 'Name', join: ' ' },
  amount: { label: 'Amount (e.g. 1234.50)', join: ' ' },
  currency: { label: 'Currency (ISO code, e.g. EUR)', join: ' ' },
  pipeline: { label: 'Pipeline (name)', join: ' ' },
  stage: { label: 'Stage (name)', join: ' ' },
  closeDate: { label: 'Expected close date', join: ' ' },
  owner: { label: 'Owner (member email or name)', join: ' ' },
  company: { label: 'Company (name)', join: ' ' },
  companyDomain: { label: 'Company domain or website', join: ' ' },
  contactEmails: { label: 'Contacts (emails)', list: true },
  tags: { label: 'Tags', list: true },
  note: { label: 'Note', join: '\n\n' },
} as const satisfies Record<string, FieldSpec>;

export type ContactField = keyof typeof CONTACT_FIELDS;
export type CompanyField = keyof typeof COMPANY_FIELDS;

/** Custom fields: `custom:<key>` stores the cell in the record's customFields under that key. */
export const CUSTOM_PREFIX = 'custom:';
const CUSTOM_KEY = /^custom:[\p{L}\p{N} _.-]{1,60}$/u;

export function fieldsOf(entity: ImportEntity): Record<string, FieldSpec> {
  return { CONTACT: CONTACT_FIELDS, COMPANY: COMPANY_FIELDS, DEAL: DEAL_FIELDS }[entity];
}

export function isKnownField(entity: ImportEntity, field: string): boolean {
  return Object.hasOwn(fieldsOf(entity), field) || CUSTOM_KEY.test(field);
}

export function specOf(entity: ImportEntity, field: string): FieldSpec {
  return fieldsOf(entity)[field] ?? { label: field.slice(CUSTOM_PREFIX.length), join: ', ' };
}
