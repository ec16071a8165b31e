// Upwork: JSON-LD (ProfilePage → Person) where present, the Nuxt state (__NUXT_DATA__), then headings,
// itemprops and aria labels, then the class names of the old (/o/profiles/users/) layout.
import { findDeep, readNuxtData } from './nuxt-data.js';
import { clean, FieldCollector, isObject, jsonLdOfType, sectionNamed, str, strings, text, texts, type Json } from './sources.js';
import type { ReadFields } from './types.js';

const SKILLS_HEADING = /^\s*(skills|compétences|fähigkeiten|habilidades|competenze)\s*$/i;
/** "$85.00/hr", "75,00 €/h", "$40/hour". */
const RATE = /(?:[$€£]\s?\d[\d,.\u00a0 ]*|\d[\d,.\u00a0 ]*\s?[$€£])\s*\/\s*(?:hr|h|hour|heure|std)\b/i;

function rateOf(rate: Json | undefined): string | null {
  if (!isObject(rate) || typeof rate.amount !== 'number' || rate.amount <= 0) return null;
  const currency = typeof rate.currencyCode === 'string' ? rate.currencyCode : 'USD';
  try {
    return `${new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(rate.amount)}/hr`;
  } catch {
    return `${rate.amount} ${currency}/hr`;
  }
}

const locationOf = (location: Json | undefined) =>
  isObject(location)
    ? clean([str(location.city) ?? str(location.addressLocality), str(location.country) ?? str(location.addressCountry)].filter(Boolean).join(', '))
    : null;

export function parseUpwork(doc: Document): ReadFields {
  const person = jsonLdOfType(doc, 'Person');
  const nuxt = findDeep(readNuxtData(doc), (o) => typeof o.name === 'string' && typeof o.title === 'string' && ('hourlyRate' in o || 'skills' in o));
  const overview = doc.querySelector('[aria-label="Profile overview"], [aria-label="Aperçu du profil"], main section') ?? doc;
  const skillsSection = doc.querySelector('[aria-label="Skills"], [aria-label="Compétences"]') ?? sectionNamed(doc, SKILLS_HEADING);

  const f = new FieldCollector();
  f.read('name', [
    ['json-ld', () => str(person?.name)],
    ['embedded', () => str(nuxt?.name)],
    ['semantic', () => text(doc, '[itemprop="name"]') ?? text(doc, 'main h1')],
    ['class', () => text(doc, '.up-profile-name, [data-test="freelancer-name"]')],
  ]);
  f.read('headline', [
    ['json-ld', () => str(person?.jobTitle)],
    ['embedded', () => str(nuxt?.title)],
    ['semantic', () => text(overview, 'h1 ~ h2, [itemprop="jobTitle"]')],
    ['class', () => text(doc, '.up-profile-title, [data-test="title"]')],
  ]);
  f.read('location', [
    ['json-ld', () => locationOf(person?.address)],
    ['embedded', () => locationOf(nuxt?.location)],
    ['semantic', () => text(doc, '[itemprop="address"]')],
    ['class', () => text(doc, '.up-profile-location, [data-test="location"]')],
  ]);
  f.read('photoUrl', [
    ['json-ld', () => (isObject(person?.image) ? str(person.image.contentUrl) : str(person?.image))],
    ['embedded', () => (isObject(nuxt?.portrait) ? str(nuxt.portrait.portrait) : str(nuxt?.portrait))],
    ['semantic', () => overview.querySelector('img[itemprop="image"], img[alt]')?.getAttribute('src') ?? null],
  ]);
  f.read('hourlyRate', [
    ['embedded', () => rateOf(nuxt?.hourlyRate)],
    [
      'semantic',
      () => {
        const labelled = doc.querySelector('[aria-label="Hourly rate"], [aria-label="Tarif horaire"]');
        return clean((labelled ?? overview).textContent?.match(RATE)?.[0]);
      },
    ],
    ['class', () => text(doc, '.up-profile-rate, [data-test="hourly-rate"]')],
  ]);
  f.read('skills', [
    ['json-ld', () => strings(person?.knowsAbout)],
    [
      'embedded',
      () =>
        (Array.isArray(nuxt?.skills) ? nuxt.skills : [])
          .map((s) => (isObject(s) ? (str(s.prettyName) ?? str(s.name)) : str(s)))
          .filter((s): s is string => !!s),
    ],
    ['semantic', () => (skillsSection ? texts(skillsSection, 'li') : [])],
    ['class', () => texts(doc, '.up-skill-badge, [data-test="skill"]')],
  ]);
  return f.fields;
}
