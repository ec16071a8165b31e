// The popup's editable copy of a parsed profile, and the ClipProfileInput it sends.
import type { ClipProfileInput } from './gql/graphql.js';
import type { FieldName, FieldSource, ReadFields } from './parsers/types.js';

/** Fields the user can correct, as text (lists one per line). */
export const FORM_FIELDS = [
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['headline', 'Headline'],
  ['jobTitle', 'Title / position'],
  ['company', 'Company'],
  ['location', 'Location'],
  ['emails', 'Emails'],
  ['phones', 'Phones'],
  ['skills', 'Skills'],
  ['hourlyRate', 'Hourly rate'],
  ['salaryExpectation', 'Salary expectation'],
  ['experienceYears', 'Years of experience'],
  ['experience', 'Experience'],
  ['photoUrl', 'Photo URL'],
] as const satisfies ReadonlyArray<readonly [FieldName, string]>;

export type FormField = (typeof FORM_FIELDS)[number][0];
export type ClipForm = Record<FormField, string>;
export type FormSources = Partial<Record<FormField, FieldSource>>;

/** Fields only some sites have: shown for those sites, or elsewhere when the page happened to give them. */
const SITE_FIELDS: Record<string, FormField[]> = {
  LINKEDIN: ['experience'],
  UPWORK: ['hourlyRate', 'skills'],
  DJINNI: ['salaryExpectation', 'experienceYears', 'skills'],
};
const SITE_SPECIFIC = new Set<FormField>(['experience', 'hourlyRate', 'salaryExpectation', 'experienceYears', 'skills']);

export const fieldShown = (site: string, field: FormField, value: string, storePhotos: boolean) =>
  field === 'photoUrl' ? storePhotos : !SITE_SPECIFIC.has(field) || !!SITE_FIELDS[site]?.includes(field) || value.trim() !== '';

const LISTS = new Set<FormField>(['emails', 'phones', 'skills', 'experience']);
export const isList = (field: FormField) => LISTS.has(field);

export function formFromFields(fields: ReadFields): { form: ClipForm; sources: FormSources } {
  const form = Object.fromEntries(FORM_FIELDS.map(([field]) => [field, ''])) as ClipForm;
  const sources: FormSources = {};
  for (const [field] of FORM_FIELDS) {
    const read = fields[field];
    if (!read) continue;
    form[field] = Array.isArray(read.value) ? read.value.join('\n') : String(read.value);
    sources[field] = read.source;
  }
  return { form, sources };
}

const lines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const textOrNull = (value: string) => value.trim() || null;

/**
 * The profile as the server takes it; the photo only when the user opted in to storing photos. The
 * company's domain (when the page gave one) lets Kith link the company it already has.
 */
export function profileInput(url: string, form: ClipForm, storePhotos: boolean, companyDomain: string | null = null): ClipProfileInput {
  const years = Number(form.experienceYears.replace(',', '.'));
  return {
    url,
    firstName: textOrNull(form.firstName),
    lastName: textOrNull(form.lastName),
    headline: textOrNull(form.headline),
    jobTitle: textOrNull(form.jobTitle),
    companyName: textOrNull(form.company),
    companyDomain: textOrNull(form.company) ? companyDomain : null,
    location: textOrNull(form.location),
    emails: lines(form.emails).length ? lines(form.emails) : null,
    phones: lines(form.phones).length ? lines(form.phones) : null,
    skills: lines(form.skills).length ? lines(form.skills) : null,
    hourlyRate: textOrNull(form.hourlyRate),
    salaryExpectation: textOrNull(form.salaryExpectation),
    experienceYears: form.experienceYears.trim() && Number.isFinite(years) ? years : null,
    experience: lines(form.experience).length ? lines(form.experience) : null,
    photoUrl: storePhotos ? textOrNull(form.photoUrl) : null,
  };
}
