// LinkedIn: the public profile's JSON-LD Person, the logged-in page's embedded <code> JSON (voyager
// "included" entities), then headings and labelled sections, then the class names of current and old layouts.
import {
  clean,
  contactLinks,
  FieldCollector,
  firstName,
  isObject,
  jsonLdOfType,
  parseJson,
  sectionNamed,
  str,
  strings,
  text,
  type JsonObject,
} from './sources.js';
import type { ReadFields } from './types.js';

const EXPERIENCE_HEADING = /^\s*(experience|berufserfahrung|expérience|experiencia|esperienza|ervaring|doświadczenie|досвід)\s*$/i;

/** Voyager entities from the logged-in page's <code> blocks, by their $type's last segment. */
function embeddedEntities(doc: Document): Map<string, JsonObject[]> {
  const byType = new Map<string, JsonObject[]>();
  for (const code of doc.querySelectorAll('code')) {
    const data = parseJson(code.textContent);
    const included = isObject(data) && Array.isArray(data.included) ? data.included : [];
    for (const entity of included) {
      if (!isObject(entity) || typeof entity.$type !== 'string') continue;
      const type = entity.$type.split('.').at(-1)!;
      byType.set(type, [...(byType.get(type) ?? []), entity]);
    }
  }
  return byType;
}

function yearRange(range: JsonObject | undefined | null): string | null {
  if (!isObject(range)) return null;
  const year = (point: unknown) => (isObject(point) && typeof point.year === 'number' ? String(point.year) : null);
  const start = year(range.start);
  const end = year(range.end) ?? (start ? 'present' : null);
  return start ? `${start} – ${end}` : null;
}

const line = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(' · ') || null;

/** The line holding an item's <time> elements ("Jun 1842 - Present"). */
const timeLine = (li: Element) => clean(li.querySelector('time')?.parentElement?.textContent);

/** Positions in a list of <li>: title, company and dates, each found by the given selector or reader. */
function experienceItems(section: Element | null, title: string, company: string, dates: (li: Element) => string | null): string[] {
  if (!section) return [];
  return [...section.querySelectorAll('li')]
    .filter((li) => !li.parentElement?.closest('li'))
    .map((li) => line(text(li, title), text(li, company), dates(li)))
    .filter((l): l is string => !!l);
}

/** The top card: the section (or main) holding the page's h1. */
const topCard = (doc: Document) => doc.querySelector('main h1, h1')?.closest('section, main') ?? null;

export function parseLinkedIn(doc: Document): ReadFields {
  const person = jsonLdOfType(doc, 'Person');
  const embedded = embeddedEntities(doc);
  const profile = embedded.get('Profile')?.find((p) => typeof p.firstName === 'string') ?? null;
  const positions = embedded.get('Position') ?? [];
  const card = topCard(doc);
  const experienceSection =
    doc.querySelector('section[data-section="experience"]') ?? doc.getElementById('experience')?.closest('section') ?? sectionNamed(doc, EXPERIENCE_HEADING);
  const contact = doc.querySelector('section.pv-contact-info, [aria-label="Contact info"], #contact-info') ?? null;
  const links = contact ? contactLinks(contact) : { emails: [], phones: [] };

  const f = new FieldCollector();
  f.read('name', [
    ['json-ld', () => str(person?.name)],
    ['embedded', () => clean(`${str(profile?.firstName) ?? ''} ${str(profile?.lastName) ?? ''}`)],
    ['semantic', () => text(doc, 'main h1') ?? text(doc, 'h1')],
    ['class', () => text(doc, '.text-heading-xlarge, .top-card-layout__title, .pv-top-card-section__name')],
  ]);
  f.read('firstName', [['embedded', () => str(profile?.firstName)]]);
  f.read('lastName', [['embedded', () => str(profile?.lastName)]]);
  f.read('headline', [
    ['embedded', () => str(profile?.headline)],
    ['semantic', () => (card ? text(card, 'h1 ~ h2, h1 + div[role="heading"]') : null)],
    ['class', () => text(doc, '.text-body-medium.break-words, .top-card-layout__headline, .pv-top-card-section__headline, h2.mt1.t-18')],
  ]);
  f.read('location', [
    ['json-ld', () => (isObject(person?.address) ? str(person.address.addressLocality) : null)],
    ['embedded', () => str(profile?.locationName) ?? (isObject(profile?.geoLocation) ? str(profile.geoLocation.defaultLocalizedName) : null)],
    ['semantic', () => (card ? text(card, 'address, [itemprop="addressLocality"]') : null)],
    [
      'class',
      () =>
        text(
          doc,
          '.text-body-small.inline.t-black--light.break-words, .top-card__subline-item, .pv-top-card-section__location, li.t-16.t-black.t-normal.inline-block',
        ),
    ],
  ]);
  f.read('company', [
    ['json-ld', () => firstName(person?.worksFor)],
    ['embedded', () => str(positions.find((p) => !isObject(p.dateRange) || p.dateRange.end == null)?.companyName)],
    ['semantic', () => (experienceSection ? text(experienceSection, 'li h4, li [data-field="company"]') : null)],
    ['class', () => text(doc, '.pv-entity__secondary-title, .top-card-link--link span')],
  ]);
  f.read('jobTitle', [
    ['embedded', () => str(positions.find((p) => !isObject(p.dateRange) || p.dateRange.end == null)?.title)],
    ['semantic', () => (experienceSection ? text(experienceSection, 'li h3') : null)],
    ['class', () => text(doc, '.pv-entity__summary-info h3, .experience-item__title')],
  ]);
  f.read('photoUrl', [
    ['json-ld', () => (isObject(person?.image) ? str(person.image.contentUrl) : str(person?.image))],
    ['semantic', () => card?.querySelector('img[alt]')?.getAttribute('src') ?? null],
  ]);
  f.read('experience', [
    ['embedded', () => positions.map((p) => line(str(p.title), str(p.companyName), yearRange(p.dateRange as JsonObject))).filter((l): l is string => !!l)],
    ['semantic', () => experienceItems(experienceSection, 'h3', 'h4', timeLine)],
    [
      'class',
      () =>
        experienceItems(doc.querySelector('#experience-section'), 'h3', '.pv-entity__secondary-title', (li) =>
          text(li, '.pv-entity__date-range span:not(.visually-hidden)'),
        ),
    ],
  ]);
  f.read('skills', [
    ['json-ld', () => strings(person?.knowsAbout)],
    ['embedded', () => (embedded.get('Skill') ?? []).map((s) => str(s.name)).filter((s): s is string => !!s)],
  ]);
  f.read('emails', [['semantic', () => links.emails]]);
  f.read('phones', [['semantic', () => links.phones]]);
  return f.fields;
}
