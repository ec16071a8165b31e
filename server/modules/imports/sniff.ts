// Guesses how an uploaded file is written from its first bytes: vCard or CSV, the text encoding, and for
// CSV the delimiter. Only the head is read, so this costs the same for a 5 KB and a 500 MB file.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';

export type SourceKind = 'CSV' | 'VCARD';

export interface SourceFormat {
  kind: SourceKind;
  /** An iconv-lite encoding name: utf8, utf16le, utf16be, win1252, ... */
  encoding: string;
  /** CSV only. */
  delimiter: string;
}

/** Bytes read to decide; enough for a header and a few dozen rows. */
export const SNIFF_BYTES = 64 * 1024;

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Legacy single-byte encodings chardet names, read as their Windows superset (what spreadsheets write). */
const WINDOWS_OF: Record<string, string> = {
  'ISO-8859-1': 'win1252',
  'ISO-8859-15': 'win1252',
  'ISO-8859-2': 'win1250',
  'ISO-8859-5': 'win1251',
  'ISO-8859-7': 'win1253',
  'ISO-8859-9': 'win1254',
};

function isUtf8(head: Uint8Array): boolean {
  try {
    // stream: a multi-byte character cut at the end of the head is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a byte-order mark: text in Latin script has a zero in every other byte. */
function utf16WithoutBom(head: Uint8Array): 'utf16le' | 'utf16be' | null {
  const pairs = Math.min(head.length >> 1, 4096);
  if (pairs < 2) return null;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) zeroEven++;
    if (head[2 * i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf16be';
  return null;
}

export function detectEncoding(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  const utf16 = utf16WithoutBom(head);
  if (utf16) return utf16;
  if (isUtf8(head)) return 'utf8';
  const guess = chardet.detect(head) ?? 'ISO-8859-1';
  const name =
    WINDOWS_OF[guess] ??
    guess
      .toLowerCase()
      .replace(/^windows-/, 'win')
      .replace(/[^a-z0-9]/g, '');
  return iconv.encodingExists(name) ? name : 'win1252';
}

/** The head decoded, cut after its last complete line (the rest may hold half a row). */
export function headText(head: Uint8Array, encoding: string, complete: boolean): string {
  const text = iconv.decode(Buffer.from(head), encoding);
  if (complete) return text;
  const lastBreak = text.lastIndexOf('\n');
  return lastBreak > 0 ? text.slice(0, lastBreak + 1) : text;
}

/** The delimiter that splits the head into the most rows of one consistent width (more than one column). */
export function detectDelimiter(text: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    let rows: string[][];
    try {
      rows = parse(text, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, to_line: 50, bom: true });
    } catch {
      continue;
    }
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const consistent = rows.filter((row) => row.length === width).length;
    const score = consistent * 1000 + width;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

const VCARD_START = /^\s*BEGIN:VCARD\s*$/im;

/** `complete`: the head is the whole file. */
export function sniffFormat(head: Uint8Array, fileName: string, complete = false): SourceFormat {
  const encoding = detectEncoding(head);
  const text = headText(head, encoding, complete);
  const firstLine =
    text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .split(/\r?\n/, 1)[0] ?? '';
  if (/\.(vcf|vcard)$/i.test(fileName) || VCARD_START.test(firstLine)) return { kind: 'VCARD', encoding, delimiter: ',' };
  return { kind: 'CSV', encoding, delimiter: detectDelimiter(text) };
}
