// Djinni: JSON-LD (recruiter pages carry a Person), the candidate JSON the page embeds, then the <h1> and
// the <dl> of labelled facts (labels in English, Ukrainian or Russian), then the old layout's class names.
import {
  clean,
  contactLinks,
  FieldCollector,
  firstName,
  isObject,
  jsonLdOfType,
  numberIn,
  parseJson,
  sectionNamed,
  str,
  strings,
  text,
  texts,
} from './sources.js';
import type { ReadFields } from './types.js';

const LABELS = {
  salary: /salary|зарплат|зарплата|ожидани/i,
  experience: /experience|досвід|опыт/i,
  location: /location|city|місто|город|локація|локация/i,
  company: /company|компанія|компания/i,
};
const SKILLS_HEADING = /^\s*(skills|навички|навыки|стек|stack)\s*$/i;
const MONEY = /[$€₴]\s?\d[\d\s,.]*|\d[\d\s,.]*\s?(?:[$€₴]|usd|грн)/i;

/** The <dd> after the <dt> whose text matches. */
function fact(doc: Document, label: RegExp): string | null {
  for (const dt of doc.querySelectorAll('dl dt')) {
    if (!label.test(dt.textContent ?? '')) continue;
    const dd = dt.nextElementSibling;
    if (dd?.tagName.toLowerCase() === 'dd') return clean(dd.textContent);
  }
  return null;
}

export function parseDjinni(doc: Document): ReadFields {
  const person = jsonLdOfType(doc, 'Person');
  const embeddedRaw = parseJson(doc.querySelector('script#candidate-data, script[data-djinni="candidate"]')?.textContent);
  const candidate = isObject(embeddedRaw) ? embeddedRaw : null;
  const skillsSection = doc.querySelector('[aria-label="Skills"], [aria-label="Навички"]') ?? sectionNamed(doc, SKILLS_HEADING);
  const links = contactLinks(doc.querySelector('main') ?? doc);

  const f = new FieldCollector();
  f.read('name', [
    ['json-ld', () => str(person?.name)],
    ['embedded', () => str(candidate?.name)],
    ['semantic', () => text(doc, '[itemprop="name"]')],
  ]);
  f.read('jobTitle', [
    ['json-ld', () => str(person?.jobTitle)],
    ['embedded', () => str(candidate?.position)],
    ['semantic', () => text(doc, 'main h1')],
    ['class', () => text(doc, '.candidate-title, .page-header h1, .page-header')],
  ]);
  f.read('company', [
    ['json-ld', () => firstName(person?.worksFor)],
    ['embedded', () => str(candidate?.company)],
    ['semantic', () => fact(doc, LABELS.company)],
  ]);
  f.read('companyDomain', [
    [
      'json-ld',
      () => {
        const site = isObject(person?.worksFor) ? str(person.worksFor.url) : null;
        return site ? new URL(site).hostname.replace(/^www\./, '') : null;
      },
    ],
  ]);
  f.read('location', [
    ['json-ld', () => (isObject(person?.address) ? str(person.address.addressLocality) : null)],
    ['embedded', () => str(candidate?.location)],
    ['semantic', () => fact(doc, LABELS.location)],
    ['class', () => text(doc, '.candidate-location')],
  ]);
  f.read('salaryExpectation', [
    ['embedded', () => (typeof candidate?.salary === 'number' ? `$${candidate.salary}` : str(candidate?.salary))],
    ['semantic', () => clean(fact(doc, LABELS.salary)?.match(MONEY)?.[0])],
    ['class', () => text(doc, '.public-salary-item')],
  ]);
  f.read('experienceYears', [
    ['embedded', () => (typeof candidate?.experienceYears === 'number' ? candidate.experienceYears : null)],
    ['semantic', () => numberIn(fact(doc, LABELS.experience))],
    ['class', () => numberIn(text(doc, '.candidate-experience'))],
  ]);
  f.read('skills', [
    ['json-ld', () => strings(person?.knowsAbout)],
    ['embedded', () => strings(candidate?.skills)],
    ['semantic', () => (skillsSection ? texts(skillsSection, 'li') : [])],
    ['class', () => texts(doc, '.badge-skill')],
  ]);
  f.read('photoUrl', [['json-ld', () => (isObject(person?.image) ? str(person.image.contentUrl) : str(person?.image))]]);
  f.read('emails', [['semantic', () => links.emails]]);
  f.read('phones', [['semantic', () => links.phones]]);
  return f.fields;
}
