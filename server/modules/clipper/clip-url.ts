// The clipper's sites and the canonical profile URL each is stored under.
import { badInput } from '../../errors.js';
import type { ClipSite } from '../../generated/prisma/enums.js';
import { normalizeProfileUrl } from '../records/normalize.js';

export interface ClipUrl {
  site: ClipSite;
  /** e.g. https://www.linkedin.com/in/ada-lovelace/ — no tracking parameters, no locale prefix. */
  canonical: string;
  /** The key contact profiles are matched by (ContactProfile.normalizedKey). */
  key: string;
}

const CANONICAL: Record<ClipSite, (path: string) => string> = {
  LINKEDIN: (path) => `https://www.linkedin.com/${path}/`,
  UPWORK: (path) => `https://www.upwork.com/${path}`,
  DJINNI: (path) => `https://djinni.co/${path}/`,
};

/** Drops what the shared normaliser does not know: a locale prefix (/fr/freelancers/…) and an Upwork name before ~id. */
function withoutLocale(input: string) {
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`);
    if (!/(^|\.)(upwork\.com|djinni\.co)$/i.test(url.hostname)) return input;
    url.pathname = url.pathname
      .replace(/^\/[a-z]{2}(?:[-_][a-z]{2})?(?=\/(?:freelancers|fl|o|q|r)\/)/i, '')
      .replace(/^\/freelancers\/[^/~]+(~)/i, '/freelancers/$1');
    return url.toString();
  } catch {
    return input;
  }
}

/** A LinkedIn, Upwork or Djinni profile URL, however written; BAD_USER_INPUT for anything else. */
export function clipUrl(input: string, field = 'url'): ClipUrl {
  const { network, key } = normalizeProfileUrl(withoutLocale(input), field);
  const site = network === 'LINKEDIN' || network === 'UPWORK' || network === 'DJINNI' ? network : null;
  const path = key.slice(key.indexOf(':') + 1);
  if (!site || (site === 'LINKEDIN' && !path.startsWith('in/')) || (site === 'DJINNI' && path.startsWith('jobs/'))) {
    throw badInput('This is not a LinkedIn, Upwork or Djinni profile URL.', field);
  }
  return { site, canonical: CANONICAL[site](path), key };
}
