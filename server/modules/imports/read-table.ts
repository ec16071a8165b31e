// Reads an uploaded file as a stream of rows: decoded chunk by chunk (any encoding iconv-lite knows), then
// split by csv-parse or card by card for vCard. Memory stays flat whatever the file's size.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { SourceFormat } from './sniff.js';
import { cardsOf, VCARD_HEADERS, vcardCells } from './vcard.js';

export interface SourceRow {
  /** 1-based number of the data row (the header is not counted). */
  number: number;
  cells: string[];
  /** Why the row could not be read (a broken vCard); such rows fail with this reason. */
  problem?: string;
}

export interface SourceTable {
  headers: string[];
  rows: AsyncGenerator<SourceRow>;
}

async function* decoded(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, encoding: string): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  let first = true;
  for await (const chunk of source) {
    let text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (first && text) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

const MAX_CELL_CHARS = 64 * 1024;
/** Lines of notes read before the header, at most. */
const MAX_PREAMBLE_ROWS = 10;

/** A note, not a header: one value that is a label ("Notes:") or a sentence. A one-column file's header is neither. */
function isPreamble(cells: string[]): boolean {
  const values = cells.map((cell) => cell.trim()).filter(Boolean);
  return values.length === 1 && (values[0]!.endsWith(':') || (values[0]!.length > 60 && values[0]!.includes(' ')));
}

async function* csvRecords(text: AsyncIterable<string>, delimiter: string): AsyncGenerator<string[]> {
  const input = Readable.from(text);
  const parser = input.pipe(
    parse({
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // A stray quote must not swallow the rest of a 500 MB file into one field.
      max_record_size: MAX_CELL_CHARS * 16,
    }),
  );
  try {
    for await (const record of parser) yield record as string[];
  } finally {
    // Stopping early (a preview reads a few rows) closes the file under the parser too.
    input.destroy();
  }
}

async function* vcardRows(text: AsyncIterable<string>): AsyncGenerator<SourceRow> {
  for await (const card of cardsOf(text)) {
    try {
      yield { number: card.index, cells: vcardCells(card.text) };
    } catch {
      yield { number: card.index, cells: VCARD_HEADERS.map(() => ''), problem: 'This card could not be read.' };
    }
  }
}

/** The file's header and its rows; for vCard the header is VCARD_HEADERS. An empty file has no headers. */
export async function readTable(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, format: SourceFormat): Promise<SourceTable> {
  const text = decoded(source, format.encoding);
  if (format.kind === 'VCARD') return { headers: [...VCARD_HEADERS], rows: vcardRows(text) };
  const records = csvRecords(text, format.delimiter);
  // LinkedIn's connections export opens with a few lines of notes before its header.
  let first = await records.next();
  let number = 0;
  for (let skipped = 0; !first.done && skipped < MAX_PREAMBLE_ROWS && isPreamble(first.value); skipped++) {
    first = await records.next();
  }
  const headers = first.done ? [] : first.value.map((h) => h.trim());
  async function* rows(): AsyncGenerator<SourceRow> {
    for await (const cells of records) {
      number += 1;
      if (cells.every((cell) => cell.trim() === '')) continue;
      yield { number, cells: cells.map((cell) => (cell.length > MAX_CELL_CHARS ? cell.slice(0, MAX_CELL_CHARS) : cell)) };
    }
  }
  return { headers, rows: rows() };
}
