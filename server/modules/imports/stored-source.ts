// An import's file, opened from storage as a table of rows (never read whole).
import type { StorageSettings } from '../files/storage.js';
import { fileStorage } from '../files/storage.js';
import { readTable, type SourceTable } from './read-table.js';
import { SNIFF_BYTES, sniffFormat, type SourceFormat } from './sniff.js';

export interface StoredImportFile {
  storageKey: string | null;
  sourceKind: 'CSV' | 'VCARD';
  encoding: string;
  delimiter: string;
}

export class SourceGone extends Error {
  constructor() {
    super('The uploaded file is no longer stored; upload it again.');
  }
}

export async function openStoredTable(config: StorageSettings, file: StoredImportFile): Promise<SourceTable> {
  const object = file.storageKey ? await fileStorage(config).open(file.storageKey) : null;
  if (!object) throw new SourceGone();
  return readTable(object.body, { kind: file.sourceKind, encoding: file.encoding, delimiter: file.delimiter });
}

/** The first SNIFF_BYTES of a stored object, and whether that is all of it. */
export async function storedHead(config: StorageSettings, storageKey: string): Promise<{ head: Buffer; complete: boolean }> {
  const object = await fileStorage(config).open(storageKey);
  if (!object) throw new SourceGone();
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = true;
  for await (const chunk of object.body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= SNIFF_BYTES) {
      complete = false;
      break;
    }
  }
  object.body.destroy();
  const head = Buffer.concat(chunks);
  return { head: head.subarray(0, SNIFF_BYTES), complete: complete && head.length <= SNIFF_BYTES };
}

export async function sniffStored(config: StorageSettings, storageKey: string, fileName: string): Promise<SourceFormat> {
  const { head, complete } = await storedHead(config, storageKey);
  return sniffFormat(head, fileName, complete);
}
