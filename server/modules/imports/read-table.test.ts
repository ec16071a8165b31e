import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTable, type SourceRow } from './read-table.js';
import { SNIFF_BYTES, sniffFormat } from './sniff.js';

/** Feeds the bytes in small pieces, so multi-byte characters and CRLFs are split across chunks. */
async function* chunked(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(bytes: Uint8Array, fileName = 'people.csv') {
  const format = sniffFormat(bytes.subarray(0, SNIFF_BYTES), fileName, bytes.length <= SNIFF_BYTES);
  const table = await readTable(chunked(bytes), format);
  const rows: SourceRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { format, headers: table.headers, rows };
}

const PEOPLE = [
  ['First Name', 'Last Name', 'Email', 'City'],
  ['René', 'Müller', 'rene@example.com', 'Zürich'],
  ['Zoë', 'Ødegård', 'zoe@example.no', 'Tromsø'],
  ['François', "O'Brien", 'f@example.fr', 'Genève'],
];

function csv(rows: string[][], delimiter: string, eol = '\r\n') {
  return rows.map((row) => row.join(delimiter)).join(eol) + eol;
}

describe('reading CSV in common dialects and encodings', () => {
  const cases: Array<{ name: string; bytes: Buffer; encoding: string; delimiter: string }> = [
    { name: 'comma, UTF-8, CRLF', bytes: Buffer.from(csv(PEOPLE, ',')), encoding: 'utf8', delimiter: ',' },
    { name: 'comma, UTF-8, LF', bytes: Buffer.from(csv(PEOPLE, ',', '\n')), encoding: 'utf8', delimiter: ',' },
    {
      name: 'semicolon, UTF-8 with BOM (Excel in Europe)',
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(PEOPLE, ';'))]),
      encoding: 'utf8',
      delimiter: ';',
    },
    { name: 'tab, UTF-8', bytes: Buffer.from(csv(PEOPLE, '\t')), encoding: 'utf8', delimiter: '\t' },
    {
      name: 'UTF-16LE with BOM (Excel "Unicode text")',
      bytes: iconv.encode(csv(PEOPLE, '\t'), 'utf16le', { addBOM: true }),
      encoding: 'utf16le',
      delimiter: '\t',
    },
    { name: 'UTF-16BE with BOM', bytes: iconv.encode(csv(PEOPLE, ','), 'utf16be', { addBOM: true }), encoding: 'utf16be', delimiter: ',' },
    { name: 'UTF-16LE without BOM', bytes: iconv.encode(csv(PEOPLE, ';'), 'utf16le'), encoding: 'utf16le', delimiter: ';' },
    { name: 'Windows-1252, semicolon', bytes: iconv.encode(csv(PEOPLE, ';'), 'win1252'), encoding: 'win1252', delimiter: ';' },
  ];

  it.each(cases)('$name', async ({ bytes, encoding, delimiter }) => {
    const { format, headers, rows } = await read(bytes);
    expect(format).toEqual({ kind: 'CSV', encoding, delimiter });
    expect(headers).toEqual(PEOPLE[0]);
    expect(rows.map((row) => row.cells)).toEqual(PEOPLE.slice(1));
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3]);
  });

  it('keeps quoted delimiters, doubled quotes and line breaks inside a field', async () => {
    const text = 'Name,Notes,Tags\r\n"Doe, Jane","She said ""hi""\r\nthen left","a;b"\r\nBob,,\r\n';
    const { format, rows } = await read(Buffer.from(text));
    expect(format.delimiter).toBe(',');
    expect(rows.map((row) => row.cells)).toEqual([
      ['Doe, Jane', 'She said "hi"\r\nthen left', 'a;b'],
      ['Bob', '', ''],
    ]);
  });

  it('reads semicolons as the delimiter even when commas appear inside fields', async () => {
    const text = 'Name;Company;Notes\nAda;"Lovelace, Ltd";x, y, z\nAlan;Turing;a, b\n';
    const { format, rows } = await read(Buffer.from(text));
    expect(format.delimiter).toBe(';');
    expect(rows[0]!.cells).toEqual(['Ada', 'Lovelace, Ltd', 'x, y, z']);
  });

  it('skips blank lines and tolerates rows of another width', async () => {
    const { rows } = await read(Buffer.from('a,b,c\n1,2,3\n\n,,\n4,5\n6,7,8,9\n'));
    expect(rows.map((row) => row.cells)).toEqual([
      ['1', '2', '3'],
      ['4', '5'],
      ['6', '7', '8', '9'],
    ]);
    expect(rows.map((row) => row.number)).toEqual([1, 3, 4]);
  });

  it('detects Windows-1252 from bytes that are not UTF-8, euro sign included', async () => {
    const bytes = iconv.encode('Name,Price\r\nCafé crème,3 €\r\n', 'win1252');
    const { format, rows } = await read(bytes);
    expect(format.encoding).toBe('win1252');
    expect(rows[0]!.cells).toEqual(['Café crème', '3 €']);
  });

  it('reads a file far larger than the sniffed head, row by row', async () => {
    const lines = ['email,name'];
    for (let i = 0; i < 20_000; i++) lines.push(`person${i}@example.com,Person ${i} é`);
    const bytes = Buffer.from(lines.join('\n'));
    expect(bytes.length).toBeGreaterThan(SNIFF_BYTES * 4);
    const format = sniffFormat(bytes.subarray(0, SNIFF_BYTES), 'big.csv');
    const table = await readTable(chunked(bytes, 4096), format);
    let count = 0;
    let last: SourceRow | null = null;
    for await (const row of table.rows) {
      count += 1;
      last = row;
    }
    expect(count).toBe(20_000);
    expect(last!.cells).toEqual(['person19999@example.com', 'Person 19999 é']);
  });

  it('stops reading the source when the reader stops early', async () => {
    let pulled = 0;
    async function* source() {
      yield Buffer.from('a,b\n');
      for (let i = 0; i < 1_000_000; i++) {
        pulled += 1;
        yield Buffer.from(`${i},x\n`);
      }
    }
    const table = await readTable(source(), { kind: 'CSV', encoding: 'utf8', delimiter: ',' });
    const first = await table.rows.next();
    expect(first.value).toMatchObject({ cells: ['0', 'x'] });
    await table.rows.return(undefined);
    expect(pulled).toBeLessThan(100_000);
  });
});

const VCARD_3 = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Müller;René;;;',
  'FN:René Müller',
  'ORG:Acme GmbH;Sales',
  'TITLE:Head of Sales',
  'EMAIL;TYPE=INTERNET,WORK:rene@acme.example',
  'EMAIL;TYPE=INTERNET,HOME,pref:rene@home.example',
  'TEL;TYPE=CELL:+41 44 668 18 00',
  'TEL;TYPE=WORK:044 668 18 01',
  'item1.URL:https://www.linkedin.com/in/rene-muller',
  'ADR;TYPE=WORK:;;Bahnhofstrasse 1;Zürich;ZH;8001;Switzerland',
  'NOTE:Met at the fair\\, wants a demo.\\nCall back in May.',
  'CATEGORIES:customer,vip',
  'END:VCARD',
].join('\r\n');

const VCARD_4 = [
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:Jane Doe',
  'N:Doe;Jane;;;',
  'EMAIL;TYPE=work:jane@doe.example',
  'EMAIL;PREF=1:jane.primary@doe.example',
  'TEL;VALUE=uri;TYPE="voice,cell":tel:+33-1-23-45-67-89',
  // A folded line (RFC 6350 §3.2): the continuation starts with a space.
  'TITLE:Chief Executive Officer of a company with a very long name that the',
  '  phone folded',
  'END:VCARD',
].join('\r\n');

describe('reading vCard', () => {
  it('reads many 3.0 and 4.0 cards, preferred values first, grouped properties included', async () => {
    const file = `${VCARD_3}\r\n${VCARD_4}\r\n${VCARD_3.replace('René', 'Ren').replace(/rene@/g, 'ren@')}\r\n`;
    const { format, headers, rows } = await read(Buffer.from(file), 'contacts.vcf');
    expect(format.kind).toBe('VCARD');
    const named = rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row.cells[i]])));
    expect(named).toHaveLength(3);
    expect(named[0]).toEqual({
      'Full Name': 'René Müller',
      'First Name': 'René',
      'Last Name': 'Müller',
      Organization: 'Acme GmbH',
      Title: 'Head of Sales',
      Emails: 'rene@home.example\nrene@acme.example',
      Phones: '+41 44 668 18 00\n044 668 18 01',
      URLs: 'https://www.linkedin.com/in/rene-muller',
      Location: 'Zürich, ZH, Switzerland',
      Note: 'Met at the fair, wants a demo.\nCall back in May.',
      Categories: 'customer\nvip',
    });
    expect(named[1]).toMatchObject({
      'First Name': 'Jane',
      Emails: 'jane.primary@doe.example\njane@doe.example',
      Phones: '+33-1-23-45-67-89',
      Title: 'Chief Executive Officer of a company with a very long name that the phone folded',
    });
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3]);
  });

  it('recognises a vCard by its content whatever the file is called, in UTF-16 too', async () => {
    const { format, rows } = await read(iconv.encode(`${VCARD_4}\r\n`, 'utf16le', { addBOM: true }), 'export.txt');
    expect(format).toMatchObject({ kind: 'VCARD', encoding: 'utf16le' });
    expect(rows[0]!.cells[0]).toBe('Jane Doe');
  });

  it('reports a broken card as a failed row and reads the cards after it', async () => {
    const broken = 'BEGIN:VCARD\r\nVERSION:3.0\r\nthis is not a property\r\nEND:VCARD';
    const { rows } = await read(Buffer.from(`${broken}\r\n${VCARD_4}\r\n`), 'x.vcf');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.problem).toMatch(/could not be read/);
    expect(rows[1]!.cells[0]).toBe('Jane Doe');
  });
});
