// Reads the profile on the current page: which site, the canonical URL, and each field with its source.
import { parseDjinni } from './djinni.js';
import { parseLinkedIn } from './linkedin.js';
import { normalizeProfileUrl, type Site } from './profile-url.js';
import { splitName } from './sources.js';
import type { ParseResult, ReadFields } from './types.js';
import { parseUpwork } from './upwork.js';

const PARSERS: Record<Site, (doc: Document) => ReadFields> = { LINKEDIN: parseLinkedIn, UPWORK: parseUpwork, DJINNI: parseDjinni };

/** The page's own canonical link when it points at the same profile (some pages are reached through redirects). */
function pageUrl(doc: Document, location: string) {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const fromLocation = normalizeProfileUrl(location);
  const fromCanonical = canonical ? normalizeProfileUrl(canonical) : null;
  return fromLocation && fromCanonical?.site === fromLocation.site ? fromCanonical : fromLocation;
}

export function parseProfile(doc: Document, location: string): ParseResult {
  const url = pageUrl(doc, location);
  if (!url) return { kind: 'not-profile', reason: 'This page is not a LinkedIn, Upwork or Djinni profile.' };
  const fields = PARSERS[url.site](doc);
  // Djinni candidates are anonymous: a position alone is enough to save them.
  if (!fields.name && !(url.site === 'DJINNI' && fields.jobTitle)) return { kind: 'not-profile', reason: 'No profile could be read on this page.' };
  if (fields.name && !fields.firstName) {
    const { firstName, lastName } = splitName(fields.name.value);
    fields.firstName = { value: firstName, source: fields.name.source };
    if (!fields.lastName && lastName) fields.lastName = { value: lastName, source: fields.name.source };
  }
  return { kind: 'profile', site: url.site, url: url.canonical, fields };
}

export { normalizeProfileUrl, type Site } from './profile-url.js';
export type { FieldName, FieldSource, ParseResult, ReadFields } from './types.js';
