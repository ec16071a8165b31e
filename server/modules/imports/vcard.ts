// vCard 3.0 and 4.0 (a phone's or Google's contacts export): one card at a time, as a row of fixed columns.
import ICAL from 'ical.js';

/** The columns every card becomes; lists (emails, phones, URLs, categories) hold one value per line. */
export const VCARD_HEADERS = [
  'Full Name',
  'First Name',
  'Last Name',
  'Organization',
  'Title',
  'Emails',
  'Phones',
  'URLs',
  'Location',
  'Note',
  'Categories',
] as const;

type Property = InstanceType<typeof ICAL.Property>;

const text = (value: unknown): string => (Array.isArray(value) ? value.map(text).filter(Boolean).join(' ') : value == null ? '' : String(value).trim());

/** Properties by name, including grouped ones ("item1.EMAIL" as Apple and Google write them). */
function properties(card: InstanceType<typeof ICAL.Component>, name: string): Property[] {
  return card.getAllProperties().filter((p) => p.name === name || p.name.endsWith(`.${name}`));
}

/** Preferred values first (TYPE=pref in 3.0, PREF=1 in 4.0), then in file order. */
function prefRank(p: Property): number {
  const pref = p.getParameter('pref');
  if (pref != null) return Number(pref) || 1;
  const types = ([] as unknown[]).concat(p.getParameter('type') ?? []).map((t) => String(t).toLowerCase());
  return types.includes('pref') ? 1 : 101;
}

function values(card: InstanceType<typeof ICAL.Component>, name: string, clean: (value: string) => string = (v) => v): string[] {
  return properties(card, name)
    .map((p, index) => ({ p, index }))
    .sort((a, b) => prefRank(a.p) - prefRank(b.p) || a.index - b.index)
    .flatMap(({ p }) => p.getValues().map((v: unknown) => clean(text(v))))
    .filter(Boolean);
}

function structured(card: InstanceType<typeof ICAL.Component>, name: string): string[] {
  const value: unknown = properties(card, name)[0]?.getFirstValue();
  return Array.isArray(value) ? value.map(text) : typeof value === 'string' ? value.split(';').map((v) => v.trim()) : [];
}

/** One card's text (BEGIN:VCARD ... END:VCARD) as cells in VCARD_HEADERS order. */
export function vcardCells(cardText: string): string[] {
  const parsed: unknown = ICAL.parse(cardText);
  const jcal = Array.isArray(parsed) && parsed[0] === 'vcard' ? parsed : Array.isArray(parsed) ? (parsed[0] as unknown) : null;
  if (!jcal) throw new Error('This card could not be read.');
  const card = new ICAL.Component(jcal as unknown[]);
  const [family = '', given = ''] = structured(card, 'n');
  const [, , street = '', locality = '', region = '', , country = ''] = structured(card, 'adr');
  const location = [locality || street, region, country].filter(Boolean).join(', ');
  return [
    values(card, 'fn')[0] ?? '',
    given,
    family,
    structured(card, 'org')[0] ?? '',
    values(card, 'title')[0] ?? '',
    values(card, 'email', (v) => v.replace(/^mailto:/i, '')).join('\n'),
    values(card, 'tel', (v) => v.replace(/^tel:/i, '')).join('\n'),
    [...values(card, 'url'), ...values(card, 'x-socialprofile')].join('\n'),
    location,
    values(card, 'note').join('\n'),
    values(card, 'categories').join('\n'),
  ];
}

const BEGIN = /^BEGIN:VCARD\s*$/i;
const END = /^END:VCARD\s*$/i;

export interface CardText {
  text: string;
  /** 1-based position of the card in the file. */
  index: number;
}

/** Splits decoded text into cards as it streams; text between cards is ignored. */
export async function* cardsOf(chunks: AsyncIterable<string>): AsyncGenerator<CardText> {
  let rest = '';
  let card: string[] | null = null;
  let index = 0;
  const take = function* (line: string): Generator<CardText> {
    if (card === null) {
      if (BEGIN.test(line.trim())) card = [line];
      return;
    }
    card.push(line);
    if (END.test(line.trim())) {
      index += 1;
      yield { text: card.join('\r\n'), index };
      card = null;
    }
  };
  for await (const chunk of chunks) {
    rest += chunk;
    const lines = rest.split(/\r?\n/);
    rest = lines.pop() ?? '';
    for (const line of lines) yield* take(line);
  }
  if (rest) yield* take(rest);
}
