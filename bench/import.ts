// npm run bench:import — imports a generated CSV of contacts (two emails each, a company and tags) through
// the real import job, in UPDATE mode, into a workspace that already holds a tenth as many contacts as the
// file has rows, a tenth of which the file updates. Prints rows/s end to end (search documents are kept by
// the database's triggers in the same transactions), this process's peak RSS (sampled every 20 ms), and
// next to it the time PostgreSQL takes to COPY the same file into a scratch table.
// BENCH_IMPORT_ROWS (default 1,000,000) sets the size; BENCH_IMPORT_PGLITE=1 runs on embedded PGlite
// instead (default 100,000 rows there, and no COPY). BENCH_IMPORT_WITHOUT_SEARCH_TRIGGERS=1 measures the
// import with the search triggers switched off, to tell their share of the time.
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createAppServices } from '../server/app-services.js';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { fileStorage, newStorageKey } from '../server/modules/files/storage.js';
import { suggestMapping } from '../server/modules/imports/mapping.js';
import { runImport } from '../server/modules/imports/run-import.js';
import { freshBenchDatabase } from './bench-database.js';

const run = promisify(execFile);
const onPglite = process.env.BENCH_IMPORT_PGLITE === '1';
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? (onPglite ? 100_000 : 1_000_000));
const EXISTING = Math.round(ROWS / 10);
const UPDATED = Math.round(EXISTING / 10);
const HEADER = 'First Name,Last Name,Email,Work Email,Company,Job Title,Tags';

/** Row i (1-based): the first UPDATED rows are people the workspace already has (same first email). */
function line(i: number): string {
  const email = i <= UPDATED ? `existing${i}@example.com` : `person${i}@example.com`;
  return `First${i},Last${i},${email},work${i}@corp${i % 5000}.example,Company ${i % 5000},Engineer,"customer; tier ${i % 3}"`;
}

async function writeCsv(path: string) {
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write(`${HEADER}\n`);
  let chunk: string[] = [];
  for (let i = 1; i <= ROWS; i++) {
    chunk.push(line(i));
    if (chunk.length === 10_000) {
      await write(`${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length) await write(`${chunk.join('\n')}\n`);
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function seedExisting(db: Database, workspaceId: string, userId: string) {
  await db.sql.exec(`
INSERT INTO "Contact" (id, "workspaceId", "firstName", "lastName", "sortName", "ownerId", "updatedAt")
  SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '${workspaceId}', 'Old' || i, 'Name' || i, '', '${userId}', now() FROM generate_series(1, ${EXISTING}) i;
INSERT INTO "ContactEmail" (id, "workspaceId", "contactId", email, "isPrimary")
  SELECT gen_random_uuid(), '${workspaceId}', ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'existing' || i || '@example.com', true FROM generate_series(1, ${EXISTING}) i;
ANALYZE;`);
}

const dir = await mkdtemp(join(tmpdir(), 'kith-import-bench-'));
let db: Database;
let url: string | undefined;
if (onPglite) {
  db = await openDatabase({ dataDir: join(dir, 'pglite') });
  await applyMigrations(db.sql);
} else {
  ({ db, url } = await freshBenchDatabase('kith_import_bench', 'bench:import'));
}
const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', DATA_DIR: dir }), filesDir: join(dir, 'files') };
const app = createAppServices(config, db, { passwordHashing: 'fast' });
const user = await db.prisma.user.create({
  data: { name: 'Owner', email: 'owner@bench.test', passwordHash: 'x', ageConfirmedAt: new Date(), emailVerifiedAt: new Date() },
});
const workspace = await db.prisma.workspace.create({ data: { name: 'Bench', memberships: { create: { userId: user.id, role: 'OWNER' } } } });

console.log(
  `${onPglite ? 'PGlite' : 'PostgreSQL'}: ${EXISTING.toLocaleString('en')} contacts in the workspace, a CSV of ${ROWS.toLocaleString('en')} rows (${UPDATED.toLocaleString('en')} of them updates)...`,
);
await seedExisting(db, workspace.id, user.id);
// Diagnosis only: how much of the time the per-row search triggers take (the import itself never does this).
const withoutSearch = process.env.BENCH_IMPORT_WITHOUT_SEARCH_TRIGGERS === '1';
if (withoutSearch) {
  for (const table of ['Contact', 'Company', 'ContactEmail', 'ContactPhone', 'ContactProfile', 'Note'])
    await db.sql.exec(`ALTER TABLE "${table}" DISABLE TRIGGER "${table}_search"`);
  console.log('search triggers DISABLED for this run (diagnosis): the figures below leave search out');
}
const csvPath = join(dir, 'contacts.csv');
await writeCsv(csvPath);
const byteSize = (await stat(csvPath)).size;
const storageKey = newStorageKey(workspace.id);
await fileStorage(config).put(storageKey, createReadStream(csvPath));
const headers = HEADER.split(',');
const suggestion = suggestMapping(headers);
const row = await db.prisma.import.create({
  data: {
    workspaceId: workspace.id,
    createdById: user.id,
    fileName: 'contacts.csv',
    storageKey,
    byteSize: BigInt(byteSize),
    sourceKind: 'CSV',
    encoding: 'utf8',
    delimiter: ',',
    headers,
    entity: 'CONTACT',
    columns: suggestion.columns,
    dedupeMode: 'UPDATE',
    status: 'QUEUED',
  },
});

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const started = performance.now();
await runImport(app, row.id, { attempts: 1, maxAttempts: 1 });
const importMs = performance.now() - started;
clearInterval(sampler);
const done = await db.prisma.import.findUniqueOrThrow({ where: { id: row.id } });
const searchDocs = await db.prisma.searchDocument.count({ where: { workspaceId: workspace.id, entityType: 'CONTACT' } });

let copyMs: number | null = null;
if (url) {
  await db.sql.exec(
    `CREATE UNLOGGED TABLE import_copy_scratch ("First Name" text, "Last Name" text, "Email" text, "Work Email" text, "Company" text, "Job Title" text, "Tags" text)`,
  );
  const copyStarted = performance.now();
  await run('psql', [url, '-q', '-c', `\\copy import_copy_scratch FROM '${csvPath}' WITH (FORMAT csv, HEADER true)`]);
  copyMs = performance.now() - copyStarted;
  await db.sql.exec('DROP TABLE import_copy_scratch');
}

const rate = (ms: number) => Math.round(ROWS / (ms / 1000));
console.log(
  `status ${done.status}: ${done.rowsRead.toLocaleString('en')} rows read, ${done.createdCount.toLocaleString('en')} created, ${done.updatedCount.toLocaleString('en')} updated, ${done.skippedCount} skipped, ${done.failedCount} failed; ${searchDocs.toLocaleString('en')} contact search documents`,
);
console.log(
  `import: ${(importMs / 1000).toFixed(1)} s, ${rate(importMs).toLocaleString('en')} rows/s end to end (file ${(byteSize / 1024 / 1024).toFixed(0)} MB)`,
);
if (copyMs != null)
  console.log(
    `COPY of the same file into a scratch table: ${(copyMs / 1000).toFixed(1)} s, ${rate(copyMs).toLocaleString('en')} rows/s; import/COPY = ${(copyMs / importMs).toFixed(2)}x`,
  );
console.log(`peak RSS of this process (server side of the import): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
await db.close();
await rm(dir, { recursive: true, force: true });
