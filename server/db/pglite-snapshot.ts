// A new embedded database starts from a snapshot of the migrated, empty database instead of running initdb
// and every migration (most of a cold start). The snapshot is built at install (`npm run server:build`) by
// the same runner, so its `_prisma_migrations` is what applying the migrations writes; its file name is a
// fingerprint of the migrations' names and checksums, so a changed or added migration never loads a stale one.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PROJECT_ROOT } from '../project-root.js';
import { pgliteOptions } from './database.js';
import { applyMigrations, checksum, readMigrations, type MigrationFile } from './migrations.js';
import { sqlRunnerForPGlite } from './sql-runner.js';

export const SNAPSHOT_DIR = join(PROJECT_ROOT, 'dist', 'pglite-snapshot');

function fingerprint(migrations: MigrationFile[]): string {
  return checksum(migrations.map((m) => `${m.name}:${checksum(m.sql)}`).join('\n'));
}

const snapshotPath = (migrations: MigrationFile[], dir: string) => join(dir, `${fingerprint(migrations)}.tar.gz`);

/** Writes the snapshot for these migrations unless it exists; older snapshots are removed. Returns its path. */
export async function buildPgliteSnapshot(migrations?: MigrationFile[], dir = SNAPSHOT_DIR): Promise<string> {
  const files = migrations ?? (await readMigrations());
  const path = snapshotPath(files, dir);
  if (existsSync(path)) return path;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const pglite = new PGlite(pgliteOptions);
  try {
    await applyMigrations(sqlRunnerForPGlite(pglite), files);
    await pglite.exec('ANALYZE'); // as afterMigrations does after a first migration
    const dump = await pglite.dumpDataDir('gzip');
    await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
  return path;
}

/** The snapshot of exactly these migrations, or undefined when none was built for them. */
export async function migratedSnapshot(migrations: MigrationFile[], dir = SNAPSHOT_DIR): Promise<Blob | undefined> {
  const path = snapshotPath(migrations, dir);
  return existsSync(path) ? new Blob([await readFile(path)]) : undefined;
}
