// The records the relevance cases look for, each named by a key the cases use. They are written among the
// confusers (confusers.ts) in one workspace; `updatedAt` is set so that ties are decided by what changed last.
export interface TargetContact {
  kind: 'contact';
  firstName: string;
  lastName: string;
  jobTitle?: string;
  headline?: string;
  location?: string;
  emails?: string[];
  phones?: string[];
  profiles?: string[];
  /** Minutes before the seed's reference time; targets default to 1 day ago, confusers are older. */
  changedMinutesAgo?: number;
}
export interface TargetCompany {
  kind: 'company';
  name: string;
  domain?: string;
  industry?: string;
  city?: string;
  phone?: string;
  changedMinutesAgo?: number;
}
export interface TargetNote {
  kind: 'note';
  body: string;
  changedMinutesAgo?: number;
}
export interface TargetCommunication {
  kind: 'communication';
  channel: 'EMAIL' | 'CALL';
  subject?: string;
  body: string;
  fromAddress?: string;
  changedMinutesAgo?: number;
}
export type Target = TargetContact | TargetCompany | TargetNote | TargetCommunication;

const person = (firstName: string, lastName: string, extra: Omit<TargetContact, 'kind' | 'firstName' | 'lastName'> = {}): TargetContact => ({
  kind: 'contact',
  firstName,
  lastName,
  ...extra,
});
const company = (name: string, extra: Omit<TargetCompany, 'kind' | 'name'> = {}): TargetCompany => ({ kind: 'company', name, ...extra });
const note = (body: string): TargetNote => ({ kind: 'note', body });
const message = (channel: 'EMAIL' | 'CALL', subject: string | undefined, body: string, fromAddress?: string): TargetCommunication => ({
  kind: 'communication',
  channel,
  subject,
  body,
  fromAddress,
});

export const TARGETS = {
  // Accents and transliteration.
  lenaKoenig: person('Lena', 'König', { jobTitle: 'ISO27001 auditor' }),
  juergenMueller: person('Jürgen', 'Müller'),
  sorenOdegard: person('Søren', 'Ødegård'),
  asaLindqvist: person('Åsa', 'Lindqvist'),
  joseNunez: person('José', 'Núñez'),
  francoisLefevre: person('François', 'Lefèvre'),
  zoeHartley: person('Zoe', 'Hartley'),
  heinzGrossmann: person('Heinz', 'Großmann'),
  martinSchroeder: person('Martin', 'Schroeder'),
  antoninDvorak: person('Antonín', 'Dvořák'),
  hauptstrasse: company('Hauptstraße Bäckerei'),
  // Apostrophes, hyphens and particles.
  fionaObrien: person('Fiona', "O'Brien"),
  saraAlAmin: person('Sara', 'Al-Amin'),
  mariaDeLaCruz: person('Maria', 'de la Cruz'),
  jeanLucPicard: person('Jean-Luc', 'Picard'),
  annaWeberSchulz: person('Anna', 'Weber-Schulz', { emails: ['anna.weber@weber-soehne.de'] }),
  tomWeber: person('Tom', 'Weber', { phones: ['+12125550187'] }),
  weberSoehne: company('Weber & Söhne GmbH', { domain: 'weber-soehne.de', city: 'Bremen' }),
  pieterVanDerBerg: person('Pieter', 'van der Berg'),
  marcoDangelo: person('Marco', "D'Angelo"),
  // Typos and prefixes.
  bartholomewQuigley: person('Bartholomew', 'Quigley', { profiles: ['https://github.com/bquigley'] }),
  theodoraVasquez: person('Theodora', 'Vasquez'),
  priyankaRamaswamy: person('Priyanka', 'Ramaswamy', {
    emails: ['priyanka.r@ramaswamy-consulting.in'],
    profiles: ['https://www.linkedin.com/in/priyanka-ramaswamy/'],
  }),
  ingridHalvorsen: person('Ingrid', 'Halvorsen'),
  quantrix: company('Quantrix Analytics'),
  gwendolynFairweather: person('Gwendolyn', 'Fairweather'),
  xiomaraCastellanos: person('Xiomara', 'Castellanos'),
  thaddeusOkonkwo: person('Thaddeus', 'Okonkwo', { profiles: ['https://twitter.com/thadok'] }),
  danBrooks: person('Dan', 'Brooks'),
  annWhitlock: person('Ann', 'Whitlock'),
  maxFerreira: person('Max', 'Ferreira'),
  // Phones.
  graceHopper: person('Grace', 'Hopper', { phones: ['+442079460958'] }),
  klausBerliner: person('Klaus', 'Brandt', { phones: ['+4930123456789'] }),
  nordwind: company('Nordwind Logistik', { phone: '+494012345678' }),
  // Emails and domains.
  johnSmith: person('John', 'Smith', { emails: ['john.smith@acme.io'], jobTitle: 'Buyer' }),
  janeSmith: person('Jane', 'Smith', { emails: ['jsmith@acme.io'] }),
  acme: company('Acme', { domain: 'acme.io', industry: 'Rockets' }),
  wilhelminaZorn: person('Wilhelmina', 'Zorn', { emails: ['w.zorn@zornfabrik.de'] }),
  // Profiles.
  priyankaRaman: person('Priyanka', 'Raman', { profiles: ['https://www.linkedin.com/in/priyanka-raman'] }),
  leoMarchetti: person('Leo', 'Marchetti', { profiles: ['https://www.linkedin.com/in/leo-marchetti-7a1b2c', 'https://github.com/leomarch'] }),
  // Headlines and job titles.
  inesPark: person('Ines', 'Park', { jobTitle: 'Go developer' }),
  kenIto: person('Ken', 'Ito', { jobTitle: 'Art Director' }),
  olgaPetrova: person('Olga', 'Petrova', { jobTitle: 'Head of Procurement' }),
  ruthAbernathy: person('Ruth', 'Abernathy', { jobTitle: 'Chief Hydrologist' }),
  camilleRoux: person('Camille', 'Roux', { jobTitle: 'Head Sommelier', location: 'Lyon' }),
  devKapoor: person('Dev', 'Kapoor', { headline: 'Kubernetes whisperer at Cloudly' }),
  bjorkGudmunds: person('Björk', 'Gudmundsdottir', { headline: 'Geothermal energy consultant', location: 'Reykjavík' }),
  // Notes and communications.
  hannoverNote: note('Trade fair follow-up\nMet Wilhelmina at the Hannover trade fair; she wants a quote for 40 pallets of glass.'),
  onboardingNote: note('Call notes\nSpoke with Bartholomew about onboarding the warehouse team in March.'),
  indemnityMail: message('EMAIL', 'Renewal terms for 2027', 'Legal asked to soften the indemnification clause before signature.', 'counsel@lexpartners.com'),
  forkliftCall: message('CALL', undefined, 'Discussed forklift leasing for the Rotterdam depot; they prefer a 36 month term.', '+31201234567'),
  invoiceMail: message('EMAIL', 'Invoice 4471 overdue', 'Second reminder, payment pending since October.', 'billing@vendorly.com'),
  // Letters and digits.
  b2bPartners: company('B 2 B Partners'),
  isoLabs: company('Certified ISO 27001 Labs'),
  covidNote: note('COVID 19 travel policy\nVisitors need to register at the front desk.'),
  threeM: company('3M Health Care'),
  web3Labs: company('Web 3 Labs'),
  g20Note: note('G20 summit logistics\nHotel blocks are booked for the delegation.'),
  h2o: company('H2O Water Systems'),
  a4Company: company('A 4 Paper Supply'),
  // Ties: the same name twice, changed at different times; a person and a company changed at the same time.
  kimLundOld: person('Kim', 'Lund', { changedMinutesAgo: 600 }),
  kimLundNew: person('Kim', 'Lund', { changedMinutesAgo: 60 }),
  noorHaddadOld: person('Noor', 'Haddad', { changedMinutesAgo: 900 }),
  noorHaddadNew: person('Noor', 'Haddad', { changedMinutesAgo: 30 }),
  alexMorganOld: person('Alex', 'Morgan', { jobTitle: 'Buyer', changedMinutesAgo: 3000 }),
  alexMorganNew: person('Alex', 'Morgan', { jobTitle: 'Buyer', changedMinutesAgo: 20 }),
  yukiTanakaOld: person('Yuki', 'Tanaka', { changedMinutesAgo: 500 }),
  yukiTanakaNew: person('Yuki', 'Tanaka', { changedMinutesAgo: 5 }),
  harperQuinnPerson: person('Harper', 'Quinn', { changedMinutesAgo: 90 }),
  harperQuinnCompany: company('Harper Quinn', { changedMinutesAgo: 90 }),
  renewalNoteOld: note('Renewal checklist\nConfirm seats and the billing contact.'),
  renewalNoteNew: note('Renewal checklist\nConfirm seats and the billing contact.'),
} satisfies Record<string, Target>;

// The two renewal notes differ only in when they changed.
(TARGETS.renewalNoteOld as Target).changedMinutesAgo = 4000;
(TARGETS.renewalNoteNew as Target).changedMinutesAgo = 10;

export type TargetKey = keyof typeof TARGETS;
