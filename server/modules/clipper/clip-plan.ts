// What a clip would change on a contact, field by field. Pure: the same plan drives the dry run the
// extension shows as a diff and the write that follows.
import { badInput } from '../../errors.js';
import { normalizeEmail } from '../accounts/inputs.js';
import { phoneForSearch } from '../records/normalize.js';

export const CLIP_FIELDS = [
  'FIRST_NAME',
  'LAST_NAME',
  'HEADLINE',
  'JOB_TITLE',
  'LOCATION',
  'COMPANY',
  'PROFILE_URL',
  'EMAILS',
  'PHONES',
  'SKILLS',
  'HOURLY_RATE',
  'SALARY_EXPECTATION',
  'EXPERIENCE_YEARS',
  'EXPERIENCE',
  'PHOTO_URL',
] as const;
export type ClipField = (typeof CLIP_FIELDS)[number];
export type ClipFieldStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'KEPT';

/** The profile as read from the page (and corrected by the user); null or absent: the page did not show it. */
export interface ClipProfile {
  firstName?: string | null;
  lastName?: string | null;
  headline?: string | null;
  jobTitle?: string | null;
  location?: string | null;
  companyName?: string | null;
  skills?: readonly string[] | null;
  emails?: readonly string[] | null;
  phones?: readonly string[] | null;
  photoUrl?: string | null;
  hourlyRate?: string | null;
  salaryExpectation?: string | null;
  experienceYears?: number | null;
  experience?: readonly string[] | null;
}

/** The contact as it is now, in the same terms. */
export interface ClipTarget {
  firstName: string;
  lastName: string;
  headline: string | null;
  jobTitle: string | null;
  location: string | null;
  companyName: string | null;
  skills: string[];
  emails: string[];
  phones: string[];
  profileKeys: string[];
  customFields: Record<string, unknown>;
}

export interface FieldChange {
  field: ClipField;
  status: ClipFieldStatus;
  before: string | null;
  after: string | null;
}

/** Custom-field keys the site-specific values are kept under. */
export const CUSTOM_KEYS = {
  HOURLY_RATE: 'hourlyRate',
  SALARY_EXPECTATION: 'salaryExpectation',
  EXPERIENCE_YEARS: 'experienceYears',
  EXPERIENCE: 'experience',
  PHOTO_URL: 'photoUrl',
} as const satisfies Partial<Record<ClipField, string>>;

export interface ClipPlan {
  changes: FieldChange[];
  /** The new value of every field the clip writes (CREATED or UPDATED). */
  writes: Partial<Record<ClipField, string | string[] | number>>;
}

const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() || null;
const sameText = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const listText = (list: readonly string[]) => (list.length ? list.join(', ') : null);

function cleanList(list: readonly string[] | null | undefined, key: (item: string) => string): string[] | null {
  if (!list) return null;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const item = clean(raw);
    if (item && !seen.has(key(item))) {
      out.push(item);
      seen.add(key(item));
    }
  }
  return out.length ? out : null;
}

function phonesOf(list: readonly string[] | null | undefined): string[] | null {
  const phones = cleanList(list, (p) => p);
  return (
    phones?.map((phone, index) => {
      const e164 = phoneForSearch(phone);
      if (!e164) throw badInput(`"${phone}" is not a valid phone number (include the country code).`, `profile.phones.${index}`);
      return e164;
    }) ?? null
  );
}

function experienceText(list: readonly string[] | null | undefined) {
  const lines = cleanList(list, (line) => line.toLowerCase());
  return lines ? lines.join('\n').slice(0, 2000) : null;
}

/**
 * One entry per field the page gave. A field that is empty on the contact is filled (CREATED); one that
 * holds the same value is UNCHANGED; one that differs is UPDATED when `overwrite` names it, else KEPT.
 * Emails and phones only ever gain entries; skills are replaced as one list.
 */
export function planClip(
  target: ClipTarget | null,
  profile: ClipProfile,
  profileKey: string,
  profileUrl: string,
  overwrite: readonly ClipField[] = [],
): ClipPlan {
  const changes: FieldChange[] = [];
  const writes: ClipPlan['writes'] = {};
  const allowed = new Set(overwrite);

  const scalar = (field: ClipField, before: string | null, after: string | null, same = sameText) => {
    if (after == null) return;
    const status: ClipFieldStatus =
      !target || before == null || before === '' ? 'CREATED' : same(before, after) ? 'UNCHANGED' : allowed.has(field) ? 'UPDATED' : 'KEPT';
    changes.push({ field, status, before: target ? before || null : null, after });
    if (status === 'CREATED' || status === 'UPDATED') writes[field] = after;
  };
  const custom = (field: keyof typeof CUSTOM_KEYS) => {
    const value = target?.customFields[CUSTOM_KEYS[field]];
    return value == null || value === '' ? null : String(value);
  };

  scalar('FIRST_NAME', target?.firstName ?? null, clean(profile.firstName), (a, b) => a === b);
  scalar('LAST_NAME', target?.lastName ?? null, clean(profile.lastName), (a, b) => a === b);
  scalar('HEADLINE', target?.headline ?? null, clean(profile.headline));
  scalar('JOB_TITLE', target?.jobTitle ?? null, clean(profile.jobTitle));
  scalar('LOCATION', target?.location ?? null, clean(profile.location));
  scalar('COMPANY', target?.companyName ?? null, clean(profile.companyName));

  const knownProfile = target?.profileKeys.includes(profileKey) ?? false;
  changes.push({ field: 'PROFILE_URL', status: knownProfile ? 'UNCHANGED' : 'CREATED', before: null, after: profileUrl });
  if (!knownProfile) writes.PROFILE_URL = profileUrl;

  const additive = (field: 'EMAILS' | 'PHONES', before: string[], after: string[] | null) => {
    if (!after) return;
    const merged = [...before, ...after.filter((item) => !before.includes(item))];
    const status: ClipFieldStatus = before.length === 0 ? 'CREATED' : merged.length > before.length ? 'UPDATED' : 'UNCHANGED';
    changes.push({ field, status, before: listText(before), after: listText(merged) });
    if (status !== 'UNCHANGED') writes[field] = merged;
  };
  additive('EMAILS', target?.emails ?? [], cleanList(profile.emails, normalizeEmail)?.map(normalizeEmail) ?? null);
  additive('PHONES', target?.phones ?? [], phonesOf(profile.phones));

  const skills = cleanList(profile.skills, (s) => s.toLowerCase())?.slice(0, 50) ?? null;
  if (skills) {
    const before = target?.skills ?? [];
    const same = before.length === skills.length && before.every((s, i) => sameText(s, skills[i] ?? null));
    const status: ClipFieldStatus = before.length === 0 ? 'CREATED' : same ? 'UNCHANGED' : allowed.has('SKILLS') ? 'UPDATED' : 'KEPT';
    changes.push({ field: 'SKILLS', status, before: target ? listText(before) : null, after: listText(skills) });
    if (status === 'CREATED' || status === 'UPDATED') writes.SKILLS = skills;
  }

  scalar('HOURLY_RATE', custom('HOURLY_RATE'), clean(profile.hourlyRate));
  scalar('SALARY_EXPECTATION', custom('SALARY_EXPECTATION'), clean(profile.salaryExpectation));
  scalar('EXPERIENCE_YEARS', custom('EXPERIENCE_YEARS'), profile.experienceYears == null ? null : String(profile.experienceYears));
  scalar('EXPERIENCE', custom('EXPERIENCE'), experienceText(profile.experience));
  scalar('PHOTO_URL', custom('PHOTO_URL'), clean(profile.photoUrl), (a, b) => a === b);
  if (writes.EXPERIENCE_YEARS !== undefined) writes.EXPERIENCE_YEARS = Number(writes.EXPERIENCE_YEARS);
  return { changes, writes };
}
