// What an erased contact leaves in free text that stays because it concerns other records: exact identifiers
// (emails, phone numbers in their usual written forms, profile URLs) are replaced by ERASED_MARKER; names
// cannot be told apart from other words reliably, so their mentions are listed for an admin to review.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export const ERASED_MARKER = '[erased]';

export interface ContactIdentifiers {
  emails: string[];
  /** E.164 numbers. */
  phones: string[];
  profileUrls: string[];
  firstName: string;
  lastName: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** What may stand between the digits of a written phone number: spaces, dots, dashes, slashes, brackets. */
const SEP = '[\\s.()/-]*';
const spaced = (digits: string) => digits.split('').join(SEP);

/** National digits and country code of an E.164 number (the digits alone if it does not parse). */
export function phoneParts(e164: string) {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? { national: parsed.nationalNumber, countryCode: parsed.countryCallingCode } : { national: e164.replace(/\D/g, ''), countryCode: '' };
}

/** +44 20 7123 4567, 0044 (0)20 7123 4567, (020) 7123-4567, 020.7123.4567, 2071234567 ... */
function phoneSource(e164: string) {
  const { national, countryCode } = phoneParts(e164);
  const international = countryCode ? `(?:(?:\\+|00)${SEP})?${spaced(countryCode)}${SEP}(?:\\(0\\)${SEP})?|` : '';
  return `(?<![0-9])\\(?(?:${international}0${SEP})?${spaced(national)}(?![0-9])`;
}

function emailSource(email: string) {
  return `(?<![\\w.+-])${escape(email)}(?![\\w-])`;
}

/** The URL with or without its scheme and www., with or without a trailing slash. */
function profileSource(url: string) {
  const core = url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/+$/, '');
  return `(?:https?://)?(?:www\\.)?${escape(core)}/?(?![\\w-])`;
}

/** One pattern for every exact identifier of the contact, or null when they had none. */
export function identifierPattern(ids: ContactIdentifiers): RegExp | null {
  const sources = [...ids.emails.map(emailSource), ...ids.phones.map(phoneSource), ...ids.profileUrls.filter((u) => u.trim()).map(profileSource)];
  return sources.length ? new RegExp(sources.join('|'), 'giu') : null;
}

export function scrubIdentifiers(text: string, pattern: RegExp): string {
  return text.replace(pattern, ERASED_MARKER);
}

/**
 * Lower-cased substrings a text must contain to be worth reading in full, for a cheap SQL prefilter: each
 * email and profile URL core, and each name; phones are prefiltered on their national digits.
 */
export function likeNeedles(ids: ContactIdentifiers) {
  const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
  const cores = ids.profileUrls
    .map((u) =>
      u
        .trim()
        .replace(/^https?:\/\//i, '')
        .replace(/^www\./i, '')
        .replace(/\/+$/, ''),
    )
    .filter(Boolean);
  return {
    text: [...ids.emails, ...cores, ...nameTerms(ids)].map(like),
    digits: ids.phones
      .map((p) => phoneParts(p).national)
      .filter((d) => d.length >= 5)
      .map((d) => `%${d}%`),
  };
}

/** The full name, then each part, longest first; parts shorter than two letters say nothing. */
export function nameTerms(ids: Pick<ContactIdentifiers, 'firstName' | 'lastName'>): string[] {
  const full = `${ids.firstName} ${ids.lastName}`.trim();
  const parts = [full, ids.lastName.trim(), ids.firstName.trim()].filter((term) => term.length >= 2);
  return [...new Set(parts)];
}

export interface NameMention {
  term: string;
  excerpt: string;
}

const EXCERPT_CHARS = 30;

/** The first whole-word mention of each name term in the text, with a little of the text around it. */
export function findNameMentions(text: string, terms: string[]): NameMention[] {
  const mentions: NameMention[] = [];
  const covered: Array<[number, number]> = [];
  for (const term of terms) {
    const match = new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, 'iu').exec(text);
    if (!match) continue;
    const start = match.index;
    const end = start + match[0].length;
    // "Ada" inside a mention of "Ada Lovelace" already reported is the same mention.
    if (covered.some(([from, to]) => start >= from && end <= to)) continue;
    covered.push([start, end]);
    const from = Math.max(0, start - EXCERPT_CHARS);
    const to = Math.min(text.length, end + EXCERPT_CHARS);
    const excerpt = `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
    mentions.push({ term, excerpt });
  }
  return mentions;
}
