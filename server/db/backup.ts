// Backups and restores: `<backupsDir>/kith-<UTC timestamp>.tar` holds the database (pg_dump for PostgreSQL,
// PGlite's data-directory dump for the embedded database), the stored files when they are on local disk, and
// a manifest (backup-archive.ts). Backups are kept for the backup retention. Older backups (a bare `.dump`
// or `.tar.gz`, the database alone) still restore.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { expiredBefore } from '../retention.js';
import { BackupArchiveError, readBackupArchive, stagedFilesDir, writeBackupArchive } from './backup-archive.js';
import { mergeLedger, readLedger } from '../modules/privacy/deletion-ledger.js';
import { openDatabase, pgliteOptions, type Database } from './database.js';
import { applyMigrations } from './migrations.js';

const run = promisify(execFile);

export interface BackupSettings {
  /** PostgreSQL connection string; unset means the embedded PGlite in pgliteDir. */
  databaseUrl?: string;
  pgliteDir: string;
  backupsDir: string;
  retentionDays: number;
  /** Where stored files live on local disk; null when they are in S3 (the bucket's versioning keeps them). */
  filesDir: string | null;
}

export function backupSettings(config: {
  databaseUrl?: string;
  pgliteDir: string;
  dataDir: string;
  filesDir: string;
  s3: unknown;
  retention: { backupDays: number };
}): BackupSettings {
  return {
    databaseUrl: config.databaseUrl,
    pgliteDir: config.pgliteDir,
    backupsDir: join(config.dataDir, 'backups'),
    retentionDays: config.retention.backupDays,
    filesDir: config.s3 ? null : config.filesDir,
  };
}

const BACKUP_FILE = /^kith-[0-9TZ-]+\.(tar|dump|tar\.gz)$/;

export class BackupError extends Error {
  override name = 'BackupError';
}

/** The newest installed pg_dump/pg_restore (Debian keeps one directory per major version). */
export function postgresTool(tool: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', tool))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin', tool) : tool; // else whatever is on PATH
}

/** Connection arguments without the password on the command line (other users could read it in `ps`). */
function connection(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { args: [`--dbname=${parsed.toString()}`], env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv) {
  try {
    await run(postgresTool(tool), args, { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError(`${tool} failed: ${stderr || (error as Error).message}`);
  }
}

/**
 * PGlite holds its data directory exclusively while open and writes `postmaster.pid` into it for that
 * time; copying or replacing the directory under a running server would corrupt it.
 */
export function assertPgliteIdle(dir: string) {
  if (existsSync(join(dir, 'postmaster.pid'))) {
    throw new BackupError(
      `The embedded database in ${dir} is in use (postmaster.pid exists): stop the Kith server first. ` +
        'If no server is running (it crashed), start and stop it once so the database recovers, then retry.',
    );
  }
}

const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** The database alone, into `target` (`.dump` for PostgreSQL, `.tar.gz` for PGlite). */
async function dumpDatabase(settings: BackupSettings, target: string) {
  if (settings.databaseUrl) {
    const { args, env } = connection(settings.databaseUrl);
    await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, ...args], env);
    return;
  }
  if (!existsSync(join(settings.pgliteDir, 'PG_VERSION'))) throw new BackupError(`No embedded database in ${settings.pgliteDir}.`);
  assertPgliteIdle(settings.pgliteDir);
  const pglite = new PGlite(settings.pgliteDir, pgliteOptions);
  try {
    await pglite.waitReady;
    const dump = await pglite.dumpDataDir('gzip');
    await writeFile(target, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

/** Writes a backup and returns its path; the file appears only once complete. */
export async function createBackup(settings: BackupSettings, now = new Date()): Promise<string> {
  await mkdir(settings.backupsDir, { recursive: true });
  const target = join(settings.backupsDir, `kith-${stampOf(now)}.tar`);
  const partial = `${target}.partial`;
  const databaseFile = join(settings.backupsDir, `.kith-${stampOf(now)}-database.${settings.databaseUrl ? 'dump' : 'tar.gz'}`);
  try {
    await dumpDatabase(settings, databaseFile);
    await writeBackupArchive(partial, { databaseFile, engine: settings.databaseUrl ? 'postgresql' : 'pglite', filesDir: settings.filesDir });
    await rename(partial, target);
    return target;
  } finally {
    await rm(partial, { force: true });
    await rm(databaseFile, { force: true });
  }
}

/**
 * Restores a backup over the configured database, and over the files directory when the backup holds
 * files. The database comes first: a backup that cannot be restored leaves the files alone.
 */
export async function restoreBackup(settings: BackupSettings, file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`No such backup file: ${file}`);
  if (!file.endsWith('.tar')) return keepingDeletionLedger(settings, () => restoreDatabase(settings, file));
  const staging = await mkdtemp(join(settings.backupsDir, '.restoring-'));
  try {
    const { manifest, databaseFile } = await readBackupArchive(file, staging).catch((error: unknown) => {
      throw error instanceof BackupArchiveError ? new BackupError(error.message) : error;
    });
    await keepingDeletionLedger(settings, () => restoreDatabase(settings, databaseFile));
    if (manifest.files.storage === 'local' && settings.filesDir) await replaceDirectory(stagedFilesDir(staging), settings.filesDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function withDatabase<T>(settings: BackupSettings, use: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ url: settings.databaseUrl, dataDir: settings.pgliteDir });
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

/**
 * Restores with the live deletion ledger carried over: it is read before and merged into the restored
 * database after (migrated first, so an older backup has the table), for the next start to apply again.
 */
async function keepingDeletionLedger(settings: BackupSettings, restore: () => Promise<void>) {
  const hasDatabase = settings.databaseUrl || existsSync(join(settings.pgliteDir, 'PG_VERSION'));
  if (!settings.databaseUrl && hasDatabase) assertPgliteIdle(settings.pgliteDir);
  // A database from before the ledger existed has nothing to carry over.
  const ledger = hasDatabase ? await withDatabase(settings, (db) => readLedger(db.prisma)).catch(() => []) : [];
  await restore();
  await withDatabase(settings, async (db) => {
    await applyMigrations(db.sql);
    await mergeLedger(db.prisma, ledger);
  });
}

/** Puts `source` where `target` is, keeping the old directory aside until the new one is in place. */
async function replaceDirectory(source: string, target: string) {
  await mkdir(source, { recursive: true });
  await mkdir(dirname(target), { recursive: true });
  const previous = `${target}.before-restore-${stampOf(new Date())}`;
  const hadTarget = existsSync(target);
  if (hadTarget) await rename(target, previous);
  try {
    await rename(source, target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      await cp(source, target, { recursive: true }); // the backups and files directories are on different disks
    });
  } catch (error) {
    await rm(target, { recursive: true, force: true });
    if (hadTarget) await rename(previous, target);
    throw error;
  }
  if (hadTarget) await rm(previous, { recursive: true, force: true });
}

/**
 * The database alone. PostgreSQL: pg_restore --clean --if-exists in one transaction (objects the backup
 * does not know, e.g. tables of later migrations, are left alone). PGlite: the dump is unpacked and opened
 * in a sibling directory first; the current directory is moved aside and removed only once the restored
 * one is in place.
 */
async function restoreDatabase(settings: BackupSettings, file: string): Promise<void> {
  const isDump = file.endsWith('.dump');
  if (settings.databaseUrl) {
    if (!isDump) throw new BackupError('A PostgreSQL database restores from a .dump file (pg_dump --format=custom); this looks like a PGlite backup.');
    const { args, env } = connection(settings.databaseUrl);
    await runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', ...args, file], env);
    return;
  }
  if (!file.endsWith('.tar.gz')) throw new BackupError('The embedded database restores from a .tar.gz file (a PGlite data-directory dump).');
  const dir = settings.pgliteDir;
  assertPgliteIdle(dir);
  const stamp = stampOf(new Date());
  const staging = join(dirname(dir), `.${basename(dir)}.restoring-${stamp}`);
  const previous = join(dirname(dir), `.${basename(dir)}.before-restore-${stamp}`);
  await rm(staging, { recursive: true, force: true });
  try {
    const pglite = new PGlite(staging, { loadDataDir: new Blob([await readFile(file)]), ...pgliteOptions });
    try {
      await pglite.waitReady;
      await pglite.query('SELECT count(*) FROM "_prisma_migrations"'); // a Kith database, readable
    } finally {
      await pglite.close();
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new BackupError(`The backup could not be opened as a Kith database: ${(error as Error).message}`);
  }
  const hadCurrent = existsSync(dir);
  if (hadCurrent) await rename(dir, previous);
  try {
    await rename(staging, dir);
  } catch (error) {
    if (hadCurrent) await rename(previous, dir);
    throw error;
  }
  if (hadCurrent) await rm(previous, { recursive: true, force: true });
}

/** Deletes backup files older than the retention (by modification time); returns the removed names. */
export async function sweepBackups(settings: Pick<BackupSettings, 'backupsDir' | 'retentionDays'>, now = new Date()): Promise<string[]> {
  if (!existsSync(settings.backupsDir)) return [];
  const cutoff = expiredBefore(settings.retentionDays, now).getTime();
  const removed: string[] = [];
  for (const name of readdirSync(settings.backupsDir)) {
    if (!BACKUP_FILE.test(name)) continue;
    const path = join(settings.backupsDir, name);
    if ((await stat(path)).mtimeMs < cutoff) {
      await unlink(path);
      removed.push(name);
    }
  }
  return removed;
}
