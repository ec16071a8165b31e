// A few thousand records a person would not be looking for, generated the same way on every run (seeded
// random): people sharing first names, surnames and their prefixes with the targets, hyphenated and prefixed
// variants, companies named after people, notes and messages that mention names, numbers that share the
// targets' area codes. They are changed at random times over the last two months, newer and older than the
// targets, so a case only passes when its record is the better match, not the newer one.

/** mulberry32: small, fast and the same everywhere. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

const FIRST_NAMES = [
  'Daniel',
  'Danielle',
  'Dana',
  'Danny',
  'Dante',
  'Anna',
  'Anne',
  'Annika',
  'Annabel',
  'Annette',
  'Maxine',
  'Maximilian',
  'Maxwell',
  'Thomas',
  'Tomas',
  'Tommy',
  'Leonie',
  'Lea',
  'Jonas',
  'Johan',
  'Johanna',
  'Joan',
  'Jon',
  'Johnny',
  'Jane',
  'Janet',
  'Priya',
  'Priyanka',
  'Theodore',
  'Theo',
  'Dora',
  'Bart',
  'Barton',
  'Gwen',
  'Gwenda',
  'Xavier',
  'Thad',
  'Sarah',
  'Samir',
  'Amina',
  'Rami',
  'Mario',
  'Mariam',
  'Marco',
  'Marcos',
  'Jean',
  'Luc',
  'Lucas',
  'Pieter',
  'Peter',
  'Fiona',
  'Brian',
  'Brien',
  'Olga',
  'Olaf',
  'Ken',
  'Kenji',
  'Ines',
  'Inge',
  'Gordon',
  'Ruth',
  'Camille',
  'Devon',
  'Grace',
  'Klaus',
  'Heinz',
  'Martin',
  'Martina',
  'Søren',
  'Sören',
  'Åse',
  'José',
  'Josef',
  'Zoë',
  'Zora',
  'Kim',
  'Noor',
  'Nora',
  'Alex',
  'Alexa',
  'Yuki',
  'Yusuf',
  'Harper',
  'Harriet',
  'Leo',
  'Leon',
  'Wilhelm',
  'Willa',
  'Lena',
  'Arthur',
  'Artem',
  'Erik',
  'Ingo',
  'Jürgen',
  'Jörg',
  'Hugo',
  'Emma',
  'Liam',
  'Chloé',
  'Rafael',
  'Aylin',
  'Mehmet',
];

const LAST_NAMES = [
  'Weber',
  'Webers',
  'Weberling',
  'Schulz',
  'Müller',
  'Mueller',
  'Muller',
  'Smith',
  'Smithers',
  'Smithson',
  'Brooks',
  'Brookes',
  'Quinn',
  'Quinnell',
  'Quigg',
  'Lund',
  'Lundgren',
  'Haddad',
  'Hadid',
  'Morgan',
  'Morgenstern',
  'Tanaka',
  'Tanabe',
  'Koenig',
  'Königsmann',
  'Konig',
  'Okonjo',
  'Castello',
  'Castellano',
  'Ramos',
  'Raman',
  'Ramsey',
  'Halvorson',
  'Halvors',
  'Al Aminah',
  'Amin',
  'Alami',
  'Cruz',
  'Delgado',
  'Dela Rosa',
  'Berg',
  'Bergmann',
  'van Dijk',
  'Angelo',
  'Angeli',
  'Picardo',
  'Lucas',
  'Park',
  'Parker',
  'Ito',
  'Itoh',
  'Petrov',
  'Petrovic',
  'Roux',
  'Rousseau',
  'Kapoor',
  'Kapur',
  'Hopper',
  'Hoppe',
  'Brandt',
  'Brand',
  'Fair',
  'Fairley',
  'Fairbanks',
  'Vasquez-Ortiz',
  'Vance',
  'Hartley-Jones',
  'Hart',
  'Lefebvre',
  'Lefort',
  'Nuñez',
  'Núñez-García',
  'Dvořáková',
  'Großer',
  'Grossman',
  'Schröder',
  'Schroder',
  'Lindqvist-Berg',
  'Lindberg',
  'Ødegaard',
  'Odegaarden',
  'Zorn-Meyer',
  'Zorner',
  'Marchetto',
  'Whitlow',
  'Ferreira-Lopes',
  'Ferris',
  'Abernethy',
  'Okafor',
  'Gudmundsson',
  'Quigley-Hart',
  "O'Neill",
  "O'Brian",
  'Brien',
];

const JOB_TITLES = [
  'Software Developer',
  'Golang Developer',
  'Developer Relations',
  'Director of Sales',
  'Art Buyer',
  'Procurement Manager',
  'Head of Sales',
  'Head of Marketing',
  'Account Executive',
  'Buyer',
  'Chief Financial Officer',
  'Data Analyst',
  'Go-to-market Lead',
  'Office Manager',
  'Creative Director',
  'Hydraulics Engineer',
  'Wine Buyer',
  'Cloud Architect',
  'Energy Consultant',
  'Auditor',
  'Security Auditor',
  'Logistics Coordinator',
  'Chief of Staff',
];
const HEADLINES = [
  'Helping teams ship faster',
  'Sales leader | SaaS',
  'Building data platforms',
  'Energy transition advisor',
  'Supply chain nerd',
  'Design systems at scale',
  'Cloud native consultant',
  'Open source maintainer',
];
const LOCATIONS = ['Berlin', 'Hamburg', 'Bremen', 'Paris', 'Oslo', 'Stockholm', 'Madrid', 'Lagos', 'Toronto', 'New York', 'Pune', 'Tokyo'];
const DOMAINS = ['acme.io', 'example.com', 'gmail.com', 'weber-logistik.de', 'nordic.no', 'mailbox.org', 'acme-rockets.com', 'fabrik.de'];
const COMPANY_WORDS = [
  'Weber',
  'Brooks',
  'Castello',
  'Morgan',
  'Quinn',
  'Lund',
  'Smith',
  'Hartley',
  'Park',
  'Ito',
  'Picard',
  'Nordic',
  'Quantum',
  'Quanta',
  'Analytic',
  'Haupt',
  'Strasser',
  'Bäcker',
  'Harbor',
  'Summit',
  'Water',
  'Paper',
  'Labs',
  'Cloud',
  'Delta',
  'Orbit',
  'Granite',
  'Maple',
  'Zorn',
  'König',
  'Müller',
  'Berg',
  'Angelo',
  'Danube',
  'Maxim',
  'Annex',
];
const COMPANY_SUFFIXES = ['GmbH', 'Logistics', '& Partners', 'Design', 'Marine', '& Sons', 'Foods', 'Systems', 'Trading', 'Holdings', 'B.V.', 'Inc'];
const TOPICS = [
  'pricing',
  'the renewal',
  'a pilot',
  'shipping delays',
  'the invoice',
  'logistics',
  'the contract',
  'a referral',
  'hiring',
  'the roadmap',
  'payment terms',
  'a site visit',
  'the trade fair',
  'the budget',
];

export interface ConfuserSeed {
  contacts: Array<{
    firstName: string;
    lastName: string;
    jobTitle?: string;
    headline?: string;
    location?: string;
    emails: string[];
    phones: string[];
    profiles: string[];
    minutesAgo: number;
  }>;
  companies: Array<{ name: string; domain?: string; phone?: string; minutesAgo: number }>;
  notes: Array<{ body: string; minutesAgo: number }>;
  communications: Array<{ subject: string; body: string; fromAddress: string; minutesAgo: number }>;
}

const TWO_MONTHS = 60 * 24 * 60;

/**
 * `avoid` guards the cases' honesty: no confuser is named like a target or a query, has a target's email, or a
 * phone ending in a target's last four digits; `mentions` are target names that notes may talk about.
 */
export function confusers(options: {
  contacts: number;
  companies: number;
  notes: number;
  communications: number;
  avoidNames: Set<string>;
  avoidPhoneEnds: Set<string>;
  avoidEmails: Set<string>;
  mentions: string[];
}): ConfuserSeed {
  const random = seededRandom(24);
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const seed: ConfuserSeed = { contacts: [], companies: [], notes: [], communications: [] };
  const emails = new Set<string>(options.avoidEmails);
  const names: string[] = [];
  while (seed.contacts.length < options.contacts) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const name = `${firstName} ${lastName}`;
    if (options.avoidNames.has(fold(name)) || options.avoidNames.has(fold(`${lastName} ${firstName}`))) continue;
    const local = `${fold(firstName)}.${fold(lastName)}`.replace(/[^a-z.]/g, '');
    let email = `${local}@${random.pick(DOMAINS)}`;
    for (let n = 2; emails.has(email); n += 1) email = email.replace(/\d*@/, `${n}@`);
    emails.add(email);
    const phones: string[] = [];
    if (random.next() < 0.6) {
      // Same area codes as the targets' numbers: +1 212 555, +44 20 7946, +49 30, +49 40.
      const [prefix, rest] = random.pick([
        ['+1212555', 4],
        ['+1415555', 4],
        ['+4420794', 5],
        ['+49301234', 5],
        ['+494012', 6],
      ] as const);
      let phone = '';
      do phone = prefix + String(random.int(10 ** rest)).padStart(rest, '0');
      while (options.avoidPhoneEnds.has(phone.slice(-4)));
      phones.push(phone);
    }
    const profiles = random.next() < 0.3 ? [`https://www.linkedin.com/in/${local.replace('.', '-')}-${random.int(1000)}`] : [];
    seed.contacts.push({
      firstName,
      lastName,
      jobTitle: random.next() < 0.7 ? random.pick(JOB_TITLES) : undefined,
      headline: random.next() < 0.3 ? random.pick(HEADLINES) : undefined,
      location: random.next() < 0.5 ? random.pick(LOCATIONS) : undefined,
      emails: [email],
      phones,
      profiles,
      minutesAgo: random.int(TWO_MONTHS),
    });
    names.push(name);
  }
  const companyNames = new Set<string>();
  while (seed.companies.length < options.companies) {
    const word = random.pick(COMPANY_WORDS);
    const second = random.next() < 0.3 ? ` ${random.pick(COMPANY_WORDS)}` : '';
    const name = `${word}${second} ${random.pick(COMPANY_SUFFIXES)}`;
    if (companyNames.has(name) || options.avoidNames.has(fold(name))) continue;
    companyNames.add(name);
    const domain =
      random.next() < 0.5
        ? `${fold(name)
            .replace(/[^a-z]+/g, '-')
            .replace(/^-|-$/g, '')}.com`
        : undefined;
    seed.companies.push({ name, domain, minutesAgo: random.int(TWO_MONTHS) });
  }
  for (let i = 0; i < options.notes; i += 1) {
    // A third mention a target by name, the rest a confuser; titles (first lines) are generic or name a confuser.
    const mention = random.next() < 0.33 ? random.pick(options.mentions) : random.pick(names);
    const title = random.next() < 0.5 ? `Meeting notes ${i + 1}` : `Call with ${random.pick(names)}`;
    seed.notes.push({ body: `${title}\nTalked with ${mention} about ${random.pick(TOPICS)}; follow up next week.`, minutesAgo: random.int(TWO_MONTHS) });
  }
  for (let i = 0; i < options.communications; i += 1) {
    let number = random.int(9000) + 1000;
    if (number === 4471) number += 1;
    const kind = random.int(3);
    seed.communications.push(
      kind === 0
        ? {
            subject: `Invoice ${number} overdue`,
            body: `Payment for invoice ${number} is pending.`,
            fromAddress: 'billing@vendorly.com',
            minutesAgo: random.int(TWO_MONTHS),
          }
        : kind === 1
          ? {
              subject: `Renewal terms for ${2020 + random.int(6)}`,
              body: `Proposed terms attached; ${random.pick(options.mentions)} to review.`,
              fromAddress: 'sales@vendorly.com',
              minutesAgo: random.int(TWO_MONTHS),
            }
          : {
              subject: `Re: ${random.pick(TOPICS)}`,
              body: `Thanks ${random.pick(names)}, the leasing quote for the depot follows.`,
              fromAddress: 'ops@vendorly.com',
              minutesAgo: random.int(TWO_MONTHS),
            },
    );
  }
  return seed;
}

/**
 * Near misses written by hand for the patterns the issue reports (Brien Walsh for o'brien, Rami Al Aminah for
 * al amin, Gordon Lee for go developer...). They are the newest records of the workspace, so a tie on relevance
 * would go to them: a target only passes by being the better match.
 */
export function nearMisses(): ConfuserSeed {
  const contact = (firstName: string, lastName: string, extra: Partial<ConfuserSeed['contacts'][number]> = {}) => ({
    firstName,
    lastName,
    emails: [],
    phones: [],
    profiles: [],
    minutesAgo: 1,
    ...extra,
  });
  return {
    contacts: [
      contact('Brien', 'Walsh'),
      contact('Fiona', "O'Brian"),
      contact('Rami', 'Al Aminah'),
      contact('Amina', 'Alami'),
      contact('Sara', 'Amin'),
      contact('Maria', 'Cruz'),
      contact('Pieter', 'van den Berg'),
      contact('Gordon', 'Lee', { jobTitle: 'Developer relations' }),
      contact('Inés', 'Parker', { jobTitle: 'Golang Developer' }),
      contact('Arthur', 'Dean', { jobTitle: 'Director of Sales' }),
      contact('Jonas', 'Koenig'),
      contact('Lena', 'Königsmann'),
      contact('Martina', 'Schröder'),
      contact('Jürgen', 'Mullerson'),
      contact('Luc', 'Picardo'),
      contact('Jean', 'Picardo'),
      contact('Tom', 'Webers'),
      contact('Tim', 'Weber', { phones: ['+12125550178'] }),
      contact('Grace', 'Hopkins', { phones: ['+442079460959'] }),
      contact('Danielle', 'Brooks'),
      contact('Ann-Kathrin', 'Whitlock'),
      contact('Maxine', 'Ferreira'),
      contact('Zoe', 'Hartley-Jones'),
      contact('Marco', "D'Angeli"),
      contact('Camille', 'Rousseau', { jobTitle: 'Wine Buyer', location: 'Lyon' }),
      contact('Dev', 'Kapur', { headline: 'Cloud native consultant' }),
      contact('Kim', 'Quigley-Hart'),
      contact('Theodore', 'Vasquez-Ortiz'),
      contact('Johnny', 'Smith', { emails: ['john.smithers@acme.io'] }),
    ],
    companies: [
      { name: 'Quantum Analytics', minutesAgo: 1 },
      { name: 'Nordwind Reisen', phone: '+494012345679', minutesAgo: 1 },
      { name: 'Acme Rockets', domain: 'acme-rockets.com', minutesAgo: 1 },
      { name: 'B2C Direct', minutesAgo: 1 },
      { name: 'Weber Logistik', domain: 'weber-logistik.eu', minutesAgo: 1 },
    ],
    notes: [
      { body: 'Intro call\nFiona mentioned that Brien Walsh handles the O Brien account.', minutesAgo: 1 },
      { body: 'Lunch notes\nTom Weber and Anna Weber-Schulz both asked about the renewal checklist.', minutesAgo: 1 },
    ],
    communications: [{ subject: 'Invoice 4417 overdue', body: 'Payment for invoice 4417 is pending.', fromAddress: 'billing@vendorly.com', minutesAgo: 1 }],
  };
}
