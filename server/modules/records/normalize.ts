// Normalisers for values people type in many shapes: domains, URLs, phones, profile links, currencies.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { badInput } from '../../errors.js';
import type { ProfileNetwork } from '../../generated/prisma/enums.js';

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "https://www.Example.com/about" → "example.com". */
export function normalizeDomain(input: string, field = 'domain'): string {
  const trimmed = input.trim().toLowerCase();
  const host = (() => {
    try {
      return new URL(/^[a-z]+:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
    } catch {
      return '';
    }
  })().replace(/^www\./, '');
  if (!HOSTNAME.test(host)) throw badInput(`"${input}" is not a valid domain.`, field);
  return host;
}

/** An absolute http(s) URL, as typed but with a scheme added when missing. */
export function normalizeUrl(input: string, field = 'url'): string {
  const trimmed = input.trim();
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && HOSTNAME.test(url.hostname.toLowerCase())) {
      return url.toString();
    }
  } catch {
    // fall through
  }
  throw badInput(`"${input}" is not a valid web address.`, field);
}

/** Any written form of a phone number → E.164 ("+14155550123"). Numbers without a country code need one. */
export function normalizePhone(input: string, defaultCountry?: string, field = 'phone'): string {
  const parsed = parsePhoneNumberFromString(input, defaultCountry?.toUpperCase() as CountryCode | undefined);
  if (!parsed?.isValid()) throw badInput(`"${input}" is not a valid phone number (include the country code).`, field);
  return parsed.number;
}

/** Looser than normalizePhone: for searching, returns E.164 when the input parses, else null. */
export function phoneForSearch(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input);
  return parsed?.isValid() ? parsed.number : null;
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function normalizeCurrency(input: string, field = 'currency'): string {
  const code = input.trim().toUpperCase();
  if (!CURRENCIES.has(code)) throw badInput(`"${input}" is not an ISO 4217 currency code.`, field);
  return code;
}

export interface NormalizedProfile {
  network: ProfileNetwork;
  url: string;
  /** The same profile gives the same key however its URL is written. */
  key: string;
}

const NETWORKS: Array<{ network: ProfileNetwork; host: RegExp; path: RegExp }> = [
  { network: 'LINKEDIN', host: /(^|\.)linkedin\.com$/, path: /^\/(in|company|pub)\/([^/]+)/ },
  { network: 'UPWORK', host: /(^|\.)upwork\.com$/, path: /^\/(freelancers|fl|o\/profiles\/users)\/(?:_)?(~?[^/]+)/ },
  { network: 'DJINNI', host: /(^|\.)djinni\.co$/, path: /^\/(q|r|jobs)\/([^/]+)/ },
  { network: 'GITHUB', host: /(^|\.)github\.com$/, path: /^\/()([^/]+)/ },
  { network: 'X', host: /(^|\.)(twitter|x)\.com$/, path: /^\/()([^/]+)/ },
];

export function normalizeProfileUrl(input: string, field = 'profileUrls'): NormalizedProfile {
  const url = new URL(normalizeUrl(input, field));
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
  for (const { network, host: hostPattern, path: pathPattern } of NETWORKS) {
    if (!hostPattern.test(host)) continue;
    const match = pathPattern.exec(path);
    if (!match) break;
    const kind = network === 'UPWORK' ? 'freelancers' : match[1];
    const id = match[2]!.toLowerCase();
    const canonical = `${network.toLowerCase()}:${kind ? `${kind}/` : ''}${id}`;
    return { network, url: url.toString(), key: canonical };
  }
  const generic = `${host}${path.toLowerCase()}`;
  return { network: 'WEBSITE', url: url.toString(), key: `web:${generic}` };
}
