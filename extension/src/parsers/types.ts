import type { Site } from './profile-url.js';

/** Where a field was read from, most stable first. */
export type FieldSource = 'json-ld' | 'embedded' | 'semantic' | 'class';
export const SOURCE_ORDER: readonly FieldSource[] = ['json-ld', 'embedded', 'semantic', 'class'];

export interface ProfileFieldValues {
  name: string;
  firstName: string;
  lastName: string;
  headline: string;
  jobTitle: string;
  location: string;
  company: string;
  companyDomain: string;
  photoUrl: string;
  /** LinkedIn: one line per position, "Title · Company · dates". */
  experience: string[];
  skills: string[];
  /** Upwork, as shown: "$85.00/hr". */
  hourlyRate: string;
  /** Djinni, as shown: "$4500". */
  salaryExpectation: string;
  experienceYears: number;
  emails: string[];
  phones: string[];
}

export type FieldName = keyof ProfileFieldValues;

export interface ReadField<K extends FieldName = FieldName> {
  value: ProfileFieldValues[K];
  source: FieldSource;
}

export type ReadFields = { [K in FieldName]?: ReadField<K> };

export type ParseResult = { kind: 'profile'; site: Site; url: string; fields: ReadFields } | { kind: 'not-profile'; reason: string };

/** One way of reading a field, tried in order. */
export type Reader<T> = readonly [FieldSource, () => T | null | undefined];
