// Exact-match keys for what people paste into a search box: an email, a phone number in any format, a
// domain or web address, a profile URL. They use the same forms as the keys the database indexes
// (see the search migration's kith_search_source), normalised by the same rules as records.
import { normalizeDomain, normalizeProfileUrl } from '../records/normalize.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[\d\s()+.\-/]+$/;
const LOOKS_LIKE_HOST = /^(https?:\/\/)?[\w.-]+\.[a-z]{2,}(\/\S*)?$/i;

function attempt<T>(make: () => T): T | null {
  try {
    return make();
  } catch {
    return null;
  }
}

export function queryKeys(raw: string): string[] {
  const query = raw.trim();
  const keys = new Set<string>();
  if (EMAIL.test(query)) {
    keys.add(`email:${query.toLowerCase()}`);
    return [...keys];
  }
  if (PHONE.test(query)) {
    // A whole number loses its trunk or international zeros: "020 7946 0958", "+44 20 7946 0958" and
    // "0044..." all end in the indexed suffix 2079460958. Four to six digits are the end of a number, kept as
    // typed ("0187" for +1 212 555 0187).
    // "+44 (0)20 ..." shows the trunk zero a caller from abroad leaves out.
    const typed = query.replace(/\(0\)/g, '').replace(/\D/g, '');
    const digits = typed.length >= 7 ? typed.replace(/^0+/, '') : typed;
    if (digits.length >= 4) keys.add(`phone:${digits}`);
    return [...keys];
  }
  if (LOOKS_LIKE_HOST.test(query)) {
    const domain = attempt(() => normalizeDomain(query));
    if (domain) keys.add(`domain:${domain}`);
    if (query.includes('/')) {
      const profile = attempt(() => normalizeProfileUrl(query));
      if (profile) keys.add(`profile:${profile.key}`);
    }
  }
  return [...keys];
}
