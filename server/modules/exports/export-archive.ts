// Writes a workspace export as a zip stream: one file per table (JSON Lines, or CSV with a header), the
// uploaded files, and manifest.json with each file's row count and SHA-256. Entries are added one after
// another as the previous one is written, and each is generated batch by batch as the zip pulls it.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { SqlRunner } from '../../db/sql-runner.js';
import type { FileStorage } from '../files/storage.js';
import { customColumns, type CustomColumns } from './custom-columns.js';
import { BatchSize, exportedColumns, rowBatches, type ExportSource } from './export-sources.js';

export type ExportFormat = 'JSON' | 'CSV';

/** One archive to write: what goes in it and where it is stored. */
export interface ArchiveJob {
  workspaceId: string;
  format: ExportFormat;
  sources: ExportSource[];
  storageKey: string;
}

/** What the export row records of a written archive. */
export interface WrittenArchive {
  recordsDone: number;
  byteSize: number;
  sha256: string;
}

export interface ManifestEntry {
  name: string;
  records: number | null;
  bytes: number;
  sha256: string;
}

export interface ArchiveInput {
  sql: SqlRunner;
  storage: FileStorage;
  workspaceId: string;
  format: ExportFormat;
  sources: ExportSource[];
  /** Rows per statement at most (default 2,000); fewer when rows are long, see BatchSize. */
  maxBatchRows?: number;
  /** Output per batch to aim for (default 1 MB). */
  batchBytes?: number;
  /** Called after each batch with the number of records written so far. */
  onProgress?: (recordsDone: number) => void | Promise<void>;
}

const MAX_BATCH_ROWS = 2_000;
const BATCH_BYTES = 1024 * 1024;

function jsonValue(_key: string, value: unknown) {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** A replacer takes JSON.stringify off its fast path (a third of an export's time): only values holding a bigint (PGlite's int8 past 2^53) need it. */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return JSON.stringify(value, jsonValue);
  }
}

/** Spreadsheets run cells that start with these as formulas; public form input can reach an export. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return jsonText(value);
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Counts and hashes what passes through, for the manifest. */
class Tally {
  records = 0;
  bytes = 0;
  private readonly hash = createHash('sha256');
  take(chunk: Buffer): Buffer {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    return chunk;
  }
  entry(name: string, records: number | null): ManifestEntry {
    return { name, records, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

function formatBatch(format: ExportFormat, columns: string[], rows: Array<Record<string, unknown>>, custom: CustomColumns | null): string {
  if (format === 'CSV') return stringify(rows.map((row) => [...columns.map((column) => csvCell(row[column])), ...(custom?.cells(row).map(csvCell) ?? [])]));
  return rows.map(jsonText).join('\n') + '\n';
}

async function* tableFile(input: ArchiveInput, source: ExportSource, tally: Tally, progress: { done: number }) {
  const columns = await exportedColumns(input.sql, source);
  const custom = input.format === 'CSV' ? await customColumns(input.sql, source.table, input.workspaceId) : null;
  if (input.format === 'CSV') yield tally.take(Buffer.from(stringify([[...columns, ...(custom?.headers ?? [])]])));
  const size = new BatchSize(input.maxBatchRows ?? MAX_BATCH_ROWS, input.batchBytes ?? BATCH_BYTES);
  for await (const rows of rowBatches(input.sql, source, columns, input.workspaceId, size)) {
    const chunk = Buffer.from(formatBatch(input.format, columns, rows, custom));
    size.observe(rows.length, chunk.length);
    tally.records += rows.length;
    progress.done += rows.length;
    yield tally.take(chunk);
    await input.onProgress?.(progress.done);
  }
}

async function* storedFile(storage: FileStorage, storageKey: string, tally: Tally) {
  const object = await storage.open(storageKey);
  if (!object) return;
  for await (const chunk of object.body) yield tally.take(chunk as Buffer);
}

/** A name that is safe inside a zip on every system: no directories, no control or reserved characters. */
function archiveFileName(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 150) || 'file'
  );
}

/** The archive's bytes. Rows are read as the consumer pulls: a slow destination slows the reads. */
export async function workspaceArchive(input: ArchiveInput): Promise<AsyncIterable<Buffer>> {
  const { ZipArchive } = await import('archiver'); // loaded by the first export, not at start
  const zip = new ZipArchive({ zlib: { level: 1 } });
  const extension = input.format === 'CSV' ? 'csv' : 'jsonl';
  const manifest: ManifestEntry[] = [];
  const progress = { done: 0 };

  async function add(name: string, records: boolean, generate: (tally: Tally) => AsyncIterable<Buffer>) {
    const tally = new Tally();
    const written = once(zip, 'entry');
    // Byte mode: the entry reads one batch ahead, where object mode would buffer sixteen.
    const source = Readable.from(generate(tally), { objectMode: false });
    // archiver pipes the source through a PassThrough, which does not carry errors: without this a failed
    // read would be an uncaught exception, not a failed archive.
    source.once('error', (error) => zip.destroy(error));
    zip.append(source, { name });
    await written;
    manifest.push(tally.entry(name, records ? tally.records : null));
  }

  async function fill() {
    for (const source of input.sources) {
      await add(`${source.table}.${extension}`, true, (tally) => tableFile(input, source, tally, progress));
    }
    let after = '';
    for (;;) {
      const files = await input.sql.query<{ id: string; name: string; storageKey: string }>(
        `SELECT id::text AS id, name, "storageKey" FROM "File" WHERE "workspaceId" = $1 AND id::text > $2 ORDER BY id::text LIMIT 500`,
        [input.workspaceId, after],
      );
      for (const file of files) {
        await add(`files/${file.id}/${archiveFileName(file.name)}`, false, (tally) => storedFile(input.storage, file.storageKey, tally));
      }
      if (files.length < 500) break;
      after = files[files.length - 1]!.id;
    }
    const body = JSON.stringify({ workspaceId: input.workspaceId, format: input.format, createdAt: new Date().toISOString(), files: manifest }, null, 2);
    zip.append(Buffer.from(body), { name: 'manifest.json' });
    await zip.finalize();
  }

  fill().catch((error: unknown) => zip.destroy(error instanceof Error ? error : new Error(String(error))));
  return zip as AsyncIterable<Buffer>;
}

/** Writes the archive into storage under the job's key, hashing and measuring it on the way. */
export async function writeWorkspaceArchive(
  sql: SqlRunner,
  storage: FileStorage,
  job: ArchiveJob,
  onProgress: (recordsDone: number) => void | Promise<void>,
): Promise<WrittenArchive> {
  const hash = createHash('sha256');
  let byteSize = 0;
  let recordsDone = 0;
  const { workspaceId, format, sources } = job;
  // Started by the storage's first read: a storage that fails before reading leaves nothing running.
  async function* measured() {
    for await (const chunk of await workspaceArchive({ sql, storage, workspaceId, format, sources, onProgress: (done) => onProgress((recordsDone = done)) })) {
      hash.update(chunk);
      byteSize += chunk.length;
      yield chunk;
    }
  }
  await storage.put(job.storageKey, measured());
  return { recordsDone, byteSize, sha256: hash.digest('hex') };
}
