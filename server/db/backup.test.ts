// Round trip: back up, change data, restore, compare. PGlite on a temporary data directory in the
// default run; pg_dump/pg_restore on a database of its own on the TEST_DATABASE_URL server in CI's run.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabaseName, TEMPLATE_DATABASE } from '../test/postgres-names.js';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { LocalDiskStorage, newStorageKey } from '../modules/files/storage.js';
import { createAppServices } from '../app-services.js';
import { createContext } from '../context.js';
import { closeAccount, USER_PURGE, userPurgeHandlers } from '../modules/privacy/account-privacy.service.js';
import { eraseContactIn } from '../modules/privacy/contact-privacy.service.js';
import { reapplyDeletionLedger } from '../modules/privacy/reapply-deletions.js';
import { closeWorkspace } from '../modules/privacy/workspace-deletion.service.js';
import { purgeWorkspace } from '../modules/privacy/workspace-purge.js';
import { testConfig } from '../test/test-app.js';
import { assertPgliteIdle, BackupError, createBackup, restoreBackup, sweepBackups, type BackupSettings } from './backup.js';
import { openDatabase, pgliteOptions, type Database } from './database.js';

const POSTGRES = process.env.TEST_DATABASE_URL;
const DAY = 24 * 60 * 60 * 1000;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
let root: string;
let settings: BackupSettings;

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: withDatabaseName(POSTGRES!, 'postgres') });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

const DB_NAME = `kith_backup_w${process.env.VITEST_POOL_ID ?? '0'}`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kith-backup-'));
  if (POSTGRES) {
    await adminQuery(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${DB_NAME} TEMPLATE ${TEMPLATE_DATABASE}`);
    settings = {
      databaseUrl: withDatabaseName(POSTGRES, DB_NAME),
      pgliteDir: join(root, 'pglite'),
      backupsDir: join(root, 'backups'),
      retentionDays: 90,
      filesDir: join(root, 'files'),
    };
  } else {
    settings = { pgliteDir: join(root, 'pglite'), backupsDir: join(root, 'backups'), retentionDays: 90, filesDir: join(root, 'files') };
    // The suite's migrated snapshot, unpacked into a real data directory.
    const pglite = new PGlite(settings.pgliteDir, { loadDataDir: new Blob([await readFile(inject('pgliteSnapshot'))]), ...pgliteOptions });
    await pglite.waitReady;
    await pglite.close();
  }
});

afterAll(async () => {
  if (POSTGRES) await adminQuery(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await rm(root, { recursive: true, force: true });
});

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ url: settings.databaseUrl, dataDir: settings.pgliteDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const snapshot = (db: Database) =>
  Promise.all([
    db.prisma.user.findMany({ orderBy: { email: 'asc' }, select: { email: true, name: true } }),
    db.prisma.workspace.findMany({ orderBy: { name: 'asc' }, select: { name: true } }),
    db.prisma.contact.count(),
    db.prisma.usageEvent.count(),
  ]);

describe(`backup and restore (${POSTGRES ? 'PostgreSQL: pg_dump/pg_restore' : 'PGlite: data-directory dump'})`, () => {
  it('restores exactly what was backed up, attachments included', async () => {
    const storage = new LocalDiskStorage(settings.filesDir!);
    const before = await withDb(async (db) => {
      const user = await db.prisma.user.create({ data: { name: 'Ada', email: 'ada@example.com', passwordHash: '!', ageConfirmedAt: new Date() } });
      const workspace = await db.prisma.workspace.create({ data: { name: 'Engines' } });
      await db.prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: 'OWNER' } });
      const contact = await db.prisma.contact.create({ data: { workspaceId: workspace.id, firstName: 'Charles', lastName: 'Babbage', createdById: user.id } });
      await db.prisma.session.create({ data: { id: 'hash-1', userId: user.id, expiresAt: new Date(Date.now() + DAY) } }); // a usage event by trigger
      for (const text of ['difference engine plans', 'analytical engine notes']) {
        const bytes = Buffer.from(text);
        const storageKey = newStorageKey(workspace.id);
        await storage.put(storageKey, Readable.from([bytes]));
        await db.prisma.file.create({
          data: {
            workspaceId: workspace.id,
            name: `${text}.txt`,
            contentType: 'text/plain',
            size: bytes.length,
            storageKey,
            sha256: sha256(bytes),
            contactId: contact.id,
          },
        });
      }
      return snapshot(db);
    });
    expect(before).toEqual([[{ email: 'ada@example.com', name: 'Ada' }], [{ name: 'Engines' }], 1, 1]);

    const file = await createBackup(settings);
    expect(file).toMatch(/kith-[0-9TZ-]+\.tar$/);
    expect(await readdir(settings.backupsDir)).toEqual([file.split('/').pop()]);

    await withDb(async (db) => {
      await db.prisma.user.update({ where: { email: 'ada@example.com' }, data: { name: 'Changed' } });
      await db.prisma.user.create({ data: { name: 'Grace', email: 'grace@example.com', passwordHash: '!', ageConfirmedAt: new Date() } });
      await db.prisma.contact.deleteMany({});
      await db.prisma.workspace.updateMany({ data: { name: 'Renamed' } });
      expect(await snapshot(db)).not.toEqual(before);
    });
    await rm(settings.filesDir!, { recursive: true, force: true }); // a lost disk

    await restoreBackup(settings, file);
    expect(await withDb(snapshot)).toEqual(before);
    // Every attachment the restored database names can be read back whole, as a download would serve it.
    const files = await withDb((db) => db.prisma.file.findMany());
    expect(files).toHaveLength(2);
    for (const row of files) {
      const stored = await storage.open(row.storageKey);
      expect(stored, row.name).not.toBeNull();
      const chunks: Buffer[] = [];
      for await (const chunk of stored!.body) chunks.push(chunk as Buffer);
      expect(sha256(Buffer.concat(chunks)), row.name).toBe(row.sha256);
    }
    expect((await readdir(root)).filter((name) => name.startsWith('.'))).toEqual([]); // no staging or previous copy left
    expect((await readdir(settings.backupsDir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses a damaged archive and leaves the database and files as they were', async () => {
    const file = await createBackup(settings, new Date(Date.now() + 1000));
    const archive = await readFile(file);
    const damaged = join(root, 'kith-damaged.tar');
    const at = archive.indexOf(Buffer.from('difference engine plans'));
    expect(at).toBeGreaterThan(0);
    archive.write('DIFFERENCE', at);
    await writeFile(damaged, archive);
    const beforeFiles = await readdir(settings.filesDir!, { recursive: true });
    await withDb((db) => db.prisma.workspace.updateMany({ data: { name: 'After the backup' } }));
    await expect(restoreBackup(settings, damaged)).rejects.toThrow(/missing or damaged/);
    expect(await withDb((db) => db.prisma.workspace.findMany({ select: { name: true } }))).toEqual([{ name: 'After the backup' }]);
    expect(await readdir(settings.filesDir!, { recursive: true })).toEqual(beforeFiles);
    await rm(file);
  });

  it('refuses a backup of the other engine and a missing file', async () => {
    await expect(restoreBackup(settings, join(root, 'nope.dump'))).rejects.toThrow(BackupError);
    const wrong = join(root, POSTGRES ? 'kith-x.tar.gz' : 'kith-x.dump');
    await writeFile(wrong, 'not a backup');
    await expect(restoreBackup(settings, wrong)).rejects.toThrow(POSTGRES ? /\.dump file/ : /\.tar\.gz file/);
  });
});

describe('the deletion ledger across a restore', () => {
  it('deletes again, at the next start, what was erased, purged or wiped after the backup was made', async () => {
    const appOn = (db: Database) => createAppServices(testConfig({ filesDir: settings.filesDir! }), db, { passwordHashing: 'fast' });
    const ids = await withDb(async (db) => {
      const owner = await db.prisma.user.create({ data: { name: 'Owner', email: 'owner-ledger@example.com', passwordHash: '!', ageConfirmedAt: new Date() } });
      const leaver = await db.prisma.user.create({
        data: { name: 'Leaver Lovelace', email: 'leaver@example.com', passwordHash: '!', ageConfirmedAt: new Date() },
      });
      const kept = await db.prisma.workspace.create({
        data: {
          name: 'Kept',
          memberships: {
            create: [
              { userId: owner.id, role: 'OWNER' },
              { userId: leaver.id, role: 'MEMBER' },
            ],
          },
        },
      });
      const doomed = await db.prisma.workspace.create({ data: { name: 'Doomed', memberships: { create: { userId: owner.id, role: 'OWNER' } } } });
      await db.prisma.contact.create({ data: { workspaceId: doomed.id, firstName: 'Inside', createdById: owner.id } });
      const erased = await db.prisma.contact.create({ data: { workspaceId: kept.id, firstName: 'Erased', lastName: 'Person', createdById: owner.id } });
      return { leaver: leaver.id, kept: kept.id, doomed: doomed.id, erased: erased.id };
    });
    const backup = await createBackup(settings, new Date(Date.now() + 2000));

    await withDb(async (db) => {
      const app = appOn(db);
      const system = createContext(app, { ip: '', userAgent: null, workspaceHeader: null }, null, () => {});
      await eraseContactIn(system, ids.kept, ids.erased);
      const now = new Date();
      await db.prisma.$transaction((tx) => closeWorkspace(tx, ids.doomed, now, now));
      await purgeWorkspace(app, ids.doomed);
      await db.prisma.$transaction((tx) => closeAccount(tx, system, ids.leaver, now, now));
      await userPurgeHandlers(app)[USER_PURGE]!({ userId: ids.leaver }, {} as never);
      expect((await db.prisma.deletionLedger.findMany({ orderBy: { kind: 'asc' } })).map((e) => [e.kind, e.subjectId])).toEqual([
        ['WORKSPACE', ids.doomed],
        ['ACCOUNT', ids.leaver],
        ['CONTACT', ids.erased],
      ]);
    });

    await restoreBackup(settings, backup);
    await withDb(async (db) => {
      // The backup brought them back, and kept the live ledger.
      expect(await db.prisma.contact.count({ where: { id: ids.erased } })).toBe(1);
      expect(await db.prisma.workspace.count({ where: { id: ids.doomed } })).toBe(1);
      expect((await db.prisma.user.findUniqueOrThrow({ where: { id: ids.leaver } })).email).toBe('leaver@example.com');
      expect(await db.prisma.deletionLedger.count()).toBe(3);

      const app = appOn(db);
      expect(await reapplyDeletionLedger(app)).toEqual({ workspaces: 1, accounts: 1, contacts: 1 });
      expect(await db.prisma.contact.count({ where: { id: ids.erased } })).toBe(0);
      const doomed = await db.prisma.workspace.findUniqueOrThrow({ where: { id: ids.doomed } });
      expect(doomed.closedAt).not.toBeNull(); // closed at once, purged by its job
      expect(await db.prisma.membership.count({ where: { userId: ids.leaver } })).toBe(0);
      await purgeWorkspace(app, ids.doomed);
      await userPurgeHandlers(app)[USER_PURGE]!({ userId: ids.leaver }, {} as never);
      expect(await db.prisma.workspace.count({ where: { id: ids.doomed } })).toBe(0);
      expect((await db.prisma.user.findUniqueOrThrow({ where: { id: ids.leaver } })).email).toMatch(/@deleted\.invalid$/);
      expect(await reapplyDeletionLedger(app)).toEqual({ workspaces: 0, accounts: 0, contacts: 0 });
      await app.activityHub.close();
    });
  });
});

describe('backup safety and retention', () => {
  it('sees an open PGlite by the postmaster.pid it writes', async () => {
    const dir = POSTGRES ? join(root, 'probe') : settings.pgliteDir; // a fresh (empty) PGlite in the PostgreSQL run
    const db = await openDatabase({ dataDir: dir });
    try {
      expect(() => assertPgliteIdle(dir)).toThrow(/in use/);
    } finally {
      await db.close();
    }
    expect(() => assertPgliteIdle(dir)).not.toThrow();
  });

  it('refuses to touch an embedded database that is open (postmaster.pid present)', async () => {
    const dir = join(root, 'busy');
    await mkdir(dir);
    await writeFile(join(dir, 'PG_VERSION'), '17');
    await writeFile(join(dir, 'postmaster.pid'), '-42\n/pglite/data\n'); // what an open PGlite writes (checked below)
    const db = { close: () => rm(join(dir, 'postmaster.pid')) };
    try {
      expect(() => assertPgliteIdle(dir)).toThrow(/stop the Kith server/);
      await expect(createBackup({ pgliteDir: dir, backupsDir: join(root, 'busy-backups'), retentionDays: 90, filesDir: null })).rejects.toThrow(/in use/);
    } finally {
      await db.close();
    }
    expect(() => assertPgliteIdle(dir)).not.toThrow();
  });

  it('deletes backups older than the retention and nothing else', async () => {
    const dir = join(root, 'sweep');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    const old = new Date(Date.now() - 91 * DAY);
    for (const name of [
      'kith-2020-01-01T00-00-00-000Z.dump',
      'kith-2020-01-02T00-00-00-000Z.tar.gz',
      'kith-2020-01-03T00-00-00-000Z.tar',
      'notes.txt',
      'kith-2026-01-01T00-00-00-000Z.dump',
    ]) {
      await writeFile(join(dir, name), 'x');
      if (!name.startsWith('kith-2026')) await utimes(join(dir, name), old, old);
    }
    expect((await sweepBackups({ backupsDir: dir, retentionDays: 90 })).sort()).toEqual([
      'kith-2020-01-01T00-00-00-000Z.dump',
      'kith-2020-01-02T00-00-00-000Z.tar.gz',
      'kith-2020-01-03T00-00-00-000Z.tar',
    ]);
    expect((await readdir(dir)).sort()).toEqual(['kith-2026-01-01T00-00-00-000Z.dump', 'notes.txt']);
    expect(existsSync(join(root, 'missing'))).toBe(false);
    expect(await sweepBackups({ backupsDir: join(root, 'missing'), retentionDays: 90 })).toEqual([]);
  });
});
