// The canonical URL of a profile on each site, and whether a page URL is a profile at all.
// Mirrors server/modules/clipper/clip-url.ts, which is authoritative: the server normalises again.

export type Site = 'LINKEDIN' | 'UPWORK' | 'DJINNI';

export interface ProfileUrl {
  site: Site;
  /** e.g. https://www.linkedin.com/in/ada-lovelace/ */
  canonical: string;
}

/** A two-letter locale prefix some sites put before the path: /fr/freelancers/…, /uk/q/… */
const LOCALE_PREFIX = /^\/[a-z]{2}(?:[-_][a-z]{2})?(?=\/(?:freelancers|fl|o|q|r)\/)/i;

function siteOf(host: string): Site | null {
  const bare = host.toLowerCase().replace(/^www\./, '');
  if (/(^|\.)linkedin\.com$/.test(bare)) return 'LINKEDIN';
  if (/(^|\.)upwork\.com$/.test(bare)) return 'UPWORK';
  if (/(^|\.)djinni\.co$/.test(bare)) return 'DJINNI';
  return null;
}

function decoded(path: string) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Null for anything that is not a person's profile on LinkedIn, Upwork or Djinni. */
export function normalizeProfileUrl(input: string): ProfileUrl | null {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const site = siteOf(url.hostname);
  if (!site) return null;
  const path = site === 'LINKEDIN' ? decoded(url.pathname) : decoded(url.pathname).replace(LOCALE_PREFIX, '');
  if (site === 'LINKEDIN') {
    const slug = /^\/(?:in|pub)\/([^/]+)/i.exec(path)?.[1];
    return slug ? { site, canonical: `https://www.linkedin.com/in/${slug.toLowerCase()}/` } : null;
  }
  if (site === 'UPWORK') {
    // /freelancers/~01…, /freelancers/name~01…, /fl/~01…, /o/profiles/users/_~01…/
    const id = /^\/(?:freelancers|fl|o\/profiles\/users)\/[^/]*?(~[0-9a-z]+)/i.exec(path)?.[1];
    return id ? { site, canonical: `https://www.upwork.com/freelancers/${id.toLowerCase()}` } : null;
  }
  const djinni = /^\/(q|r)\/([^/]+)/i.exec(path);
  return djinni ? { site, canonical: `https://djinni.co/${djinni[1]!.toLowerCase()}/${djinni[2]!.toLowerCase()}/` } : null;
}
