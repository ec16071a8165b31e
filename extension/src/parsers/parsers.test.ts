// Every fixture page through the parsers: what each yields, field by field, and from which source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, type FixtureName } from '../../fixtures/pages.js';
import { normalizeProfileUrl, parseProfile, type ParseResult } from './index.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

function parseFixture(name: FixtureName): ParseResult {
  const { document } = parseHTML(readFileSync(join(FIXTURES, name), 'utf8'));
  return parseProfile(document, FIXTURE_PAGES[name]);
}

/** field → [value, source], for a readable comparison. */
function yielded(result: ParseResult) {
  if (result.kind !== 'profile') throw new Error(`not a profile: ${result.reason}`);
  return Object.fromEntries(Object.entries(result.fields).map(([field, read]) => [field, [read.value, read.source]]));
}

const EXPECTED: Record<Exclude<FixtureName, `${string}/not-profile.html`>, { url: string; fields: Record<string, [unknown, string]> }> = {
  'linkedin/public-profile.html': {
    url: 'https://www.linkedin.com/in/ada-lovelace/',
    fields: {
      name: ['Ada Lovelace', 'json-ld'],
      firstName: ['Ada', 'json-ld'],
      lastName: ['Lovelace', 'json-ld'],
      headline: ['Analyst of engines and numbers', 'semantic'],
      location: ['London, England, United Kingdom', 'json-ld'],
      company: ['Analytical Engines Ltd', 'json-ld'],
      jobTitle: ['Analyst', 'semantic'],
      photoUrl: ['https://media.licdn.com/dms/image/v2/ada-lovelace-200.jpg', 'json-ld'],
      experience: [['Analyst · Analytical Engines Ltd · Jun 1842 - Present', "Translator · Taylor's Scientific Memoirs · 1842 - 1843"], 'semantic'],
      skills: [['Mathematics', 'Poetical science', 'Algorithms'], 'json-ld'],
    },
  },
  'linkedin/signed-in-embedded.html': {
    url: 'https://www.linkedin.com/in/grace-hopper/',
    fields: {
      name: ['Grace Hopper', 'embedded'],
      firstName: ['Grace', 'embedded'],
      lastName: ['Hopper', 'embedded'],
      headline: ['Rear Admiral · Compiler pioneer', 'embedded'],
      location: ['Arlington, Virginia, United States', 'embedded'],
      company: ['US Navy', 'embedded'],
      jobTitle: ['Director of Computing Research', 'embedded'],
      photoUrl: ['https://media.licdn.com/dms/image/grace-400.jpg', 'semantic'],
      experience: [['Director of Computing Research · US Navy · 1967 – present', 'Senior Mathematician · Remington Rand · 1949 – 1967'], 'embedded'],
      skills: [['COBOL', 'Compilers'], 'embedded'],
      emails: [['grace.hopper@navy.example'], 'semantic'],
      phones: [['+1 703 555 0147'], 'semantic'],
    },
  },
  'linkedin/locale-de.html': {
    url: 'https://www.linkedin.com/in/emmy-noether-0a1b2c/',
    fields: {
      name: ['Emmy Noether', 'json-ld'],
      firstName: ['Emmy', 'json-ld'],
      lastName: ['Noether', 'json-ld'],
      headline: ['Mathematikerin · Abstrakte Algebra', 'semantic'],
      location: ['Göttingen, Niedersachsen, Deutschland', 'json-ld'],
      company: ['Universität Göttingen', 'semantic'],
      jobTitle: ['Außerordentliche Professorin', 'semantic'],
      experience: [['Außerordentliche Professorin · Universität Göttingen · 1922 – 1933', 'Gastprofessorin · Bryn Mawr College · 1933 – 1935'], 'semantic'],
    },
  },
  'linkedin/old-layout.html': {
    url: 'https://www.linkedin.com/in/alan-turing-1912/',
    fields: {
      name: ['Alan Turing', 'class'],
      firstName: ['Alan', 'class'],
      lastName: ['Turing', 'class'],
      headline: ['Mathematician, logician, cryptanalyst', 'class'],
      location: ['Manchester, United Kingdom', 'class'],
      company: ['University of Manchester', 'class'],
      jobTitle: ['Deputy Director, Computing Machine Laboratory', 'class'],
      experience: [
        [
          'Deputy Director, Computing Machine Laboratory · University of Manchester · 1948 – 1954',
          'Cryptanalyst · Government Code and Cypher School · 1939 – 1945',
        ],
        'class',
      ],
    },
  },
  'linkedin/missing-sections.html': {
    url: 'https://www.linkedin.com/in/katherine-johnson/',
    fields: { name: ['Katherine Johnson', 'json-ld'], firstName: ['Katherine', 'json-ld'], lastName: ['Johnson', 'json-ld'] },
  },
  'upwork/profile-nuxt.html': {
    url: 'https://www.upwork.com/freelancers/~01a2b3c4d5e6f7a8b9',
    fields: {
      name: ['Margaret H.', 'embedded'],
      firstName: ['Margaret', 'embedded'],
      lastName: ['H.', 'embedded'],
      headline: ['Flight software engineer | Embedded C, Rust, safety-critical systems', 'embedded'],
      location: ['Boston, United States', 'embedded'],
      photoUrl: ['https://www.upwork.com/profile-portraits/c1aBcDe_100x100.jpg', 'embedded'],
      hourlyRate: ['$85.00/hr', 'embedded'],
      skills: [['Embedded C', 'Rust', 'Real-Time Operating Systems'], 'embedded'],
    },
  },
  'upwork/json-ld.html': {
    url: 'https://www.upwork.com/freelancers/~01f00dbabe1234567a',
    fields: {
      name: ['Grace H.', 'json-ld'],
      firstName: ['Grace', 'json-ld'],
      lastName: ['H.', 'json-ld'],
      headline: ['COBOL consultant · Legacy modernisation', 'json-ld'],
      location: ['Arlington, United States', 'json-ld'],
      photoUrl: ['https://www.upwork.com/profile-portraits/grace_100x100.jpg', 'json-ld'],
      hourlyRate: ['$120.00/hr', 'semantic'],
      skills: [['COBOL', 'Mainframe', 'Technical Writing'], 'json-ld'],
    },
  },
  'upwork/locale-fr.html': {
    url: 'https://www.upwork.com/freelancers/~01c0ffee0ddba11c0d',
    fields: {
      name: ['Sophie G.', 'semantic'],
      firstName: ['Sophie', 'semantic'],
      lastName: ['G.', 'semantic'],
      headline: ['Mathématicienne · Théorie de l’élasticité', 'semantic'],
      location: ['Paris, France', 'semantic'],
      hourlyRate: ['75,00 €/h', 'semantic'],
      skills: [['Théorie des nombres', 'Élasticité', 'LaTeX'], 'semantic'],
    },
  },
  'upwork/old-layout.html': {
    url: 'https://www.upwork.com/freelancers/~01deadbeef00c0ffee',
    fields: {
      name: ['Annie E.', 'class'],
      firstName: ['Annie', 'class'],
      lastName: ['E.', 'class'],
      headline: ['Computer scientist, numerical analysis', 'class'],
      location: ['Cleveland, United States', 'class'],
      hourlyRate: ['$60.00/hr', 'class'],
      skills: [['Fortran', 'Numerical Analysis', 'SOAP'], 'class'],
    },
  },
  'upwork/missing-sections.html': {
    url: 'https://www.upwork.com/freelancers/~01bee5bee5bee5bee5',
    fields: { name: ['Hedy L.', 'embedded'], firstName: ['Hedy', 'embedded'], lastName: ['L.', 'embedded'], headline: ['Radio engineer', 'embedded'] },
  },
  'djinni/candidate.html': {
    url: 'https://djinni.co/q/5a1b2c3d4e/',
    fields: {
      jobTitle: ['Senior Python Developer', 'embedded'],
      location: ['Kyiv, Ukraine', 'embedded'],
      salaryExpectation: ['$4500', 'embedded'],
      experienceYears: [6, 'embedded'],
      skills: [['Python', 'Django', 'PostgreSQL', 'AWS'], 'embedded'],
    },
  },
  'djinni/candidate-uk.html': {
    url: 'https://djinni.co/q/7f8e9d0c1b/',
    fields: {
      jobTitle: ['Frontend розробник (React)', 'semantic'],
      location: ['Львів, Україна', 'semantic'],
      salaryExpectation: ['$3000', 'semantic'],
      experienceYears: [4.5, 'semantic'],
      skills: [['React', 'TypeScript', 'Next.js'], 'semantic'],
    },
  },
  'djinni/recruiter.html': {
    url: 'https://djinni.co/r/48213-olena-koval/',
    fields: {
      name: ['Olena Koval', 'json-ld'],
      firstName: ['Olena', 'json-ld'],
      lastName: ['Koval', 'json-ld'],
      jobTitle: ['Tech Recruiter', 'json-ld'],
      company: ['Globex', 'json-ld'],
      companyDomain: ['globex.example', 'json-ld'],
      location: ['Warsaw', 'json-ld'],
      photoUrl: ['https://p.djinni.co/r/48213/avatar.jpg', 'json-ld'],
      emails: [['olena.koval@globex.example'], 'semantic'],
    },
  },
  'djinni/old-layout.html': {
    url: 'https://djinni.co/q/0ld1ay0u7/',
    fields: {
      jobTitle: ['DevOps инженер', 'class'],
      location: ['Харьков', 'class'],
      salaryExpectation: ['$3800', 'class'],
      experienceYears: [7, 'class'],
      skills: [['Kubernetes', 'Terraform'], 'class'],
    },
  },
  'djinni/missing-sections.html': {
    url: 'https://djinni.co/q/9a8b7c6d5e/',
    fields: { jobTitle: ['QA Engineer', 'semantic'] },
  },
};

describe('profile parsers, on every fixture', () => {
  it('covers every fixture file', () => {
    const names = Object.keys(FIXTURE_PAGES);
    expect(names.filter((n) => !n.endsWith('not-profile.html')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s yields exactly these fields, each from its source', (name, expected) => {
    const result = parseFixture(name as FixtureName);
    expect(result).toMatchObject({ kind: 'profile', url: expected.url });
    expect(yielded(result)).toEqual(expected.fields);
  });

  it.each(['linkedin/not-profile.html', 'upwork/not-profile.html', 'djinni/not-profile.html'] as const)('%s is not a profile', (name) => {
    expect(parseFixture(name)).toMatchObject({ kind: 'not-profile' });
  });

  it('says "not a profile" for a profile URL whose page has no person on it (an auth wall)', () => {
    const { document } = parseHTML('<html><body><main><h2>Sign in to view Ada’s full profile</h2></main></body></html>');
    expect(parseProfile(document, 'https://www.linkedin.com/in/ada-lovelace/')).toMatchObject({ kind: 'not-profile' });
  });

  it('prefers a more stable source when the page has several, and skips a broken one', () => {
    const { document } = parseHTML(`<html><head>
      <script type="application/ld+json">{ broken</script>
      <script type="application/ld+json">{"@type":"Person","name":"From JSON-LD"}</script></head>
      <body><main><h1>From the heading</h1></main><p class="text-heading-xlarge">From a class</p></body></html>`);
    const result = parseProfile(document, 'https://www.linkedin.com/in/x/');
    expect(result.kind === 'profile' && result.fields.name).toEqual({ value: 'From JSON-LD', source: 'json-ld' });
  });
});

describe('profile URLs', () => {
  it.each([
    ['https://uk.linkedin.com/in/Ada-Lovelace?trk=public_profile', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['linkedin.com/in/ada-lovelace/details/experience/', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://www.linkedin.com/in/%C3%A9mile-borel-42/?locale=fr_FR', 'https://www.linkedin.com/in/émile-borel-42/'],
    ['https://www.upwork.com/freelancers/~01ABC123?viewMode=1&s=1110580755107926016', 'https://www.upwork.com/freelancers/~01abc123'],
    ['https://www.upwork.com/fr/freelancers/margareth~01abc123', 'https://www.upwork.com/freelancers/~01abc123'],
    ['https://www.upwork.com/o/profiles/users/_~01abc123/', 'https://www.upwork.com/freelancers/~01abc123'],
    ['https://djinni.co/q/5A1B2C/?from=search', 'https://djinni.co/q/5a1b2c/'],
    ['https://djinni.co/uk/r/48213-olena-koval/', 'https://djinni.co/r/48213-olena-koval/'],
  ])('%s → %s', (input, canonical) => {
    expect(normalizeProfileUrl(input)?.canonical).toBe(canonical);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/globex/',
    'https://www.upwork.com/nx/find-work/',
    'https://djinni.co/jobs/1-x/',
    'https://example.com/in/ada',
    'ftp://linkedin.com/in/ada',
    'not a url',
  ])('%s is not a profile', (input) => expect(normalizeProfileUrl(input)).toBeNull());
});
