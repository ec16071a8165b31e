// A new data directory from the install-time snapshot must be the database that applying the migrations makes.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.js';
import { applyMigrations, checksum, readMigrations, type MigrationFile } from './migrations.js';
import { buildPgliteSnapshot, migratedSnapshot } from './pglite-snapshot.js';

let dir: string;
let migrations: MigrationFile[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kith-snapshot-'));
  migrations = await readMigrations();
  await buildPgliteSnapshot(migrations, join(dir, 'snapshots'));
}, 120_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

async function open(name: string, list: MigrationFile[]) {
  return openDatabase({ dataDir: join(dir, name), newDataFrom: () => migratedSnapshot(list, join(dir, 'snapshots')) });
}

/** Tables, columns, indexes, triggers and functions of the public schema, as one comparable list. */
async function catalogue(db: Database) {
  const rows = await db.sql.query<{ item: string }>(`
    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
      FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT 'trigger ' || tgname || ' ' || tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL SELECT 'function ' || p.oid::regprocedure::text || ' ' || md5(p.prosrc) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
    UNION ALL SELECT 'extension ' || extname FROM pg_extension
    ORDER BY 1`);
  return rows.map((row) => row.item);
}

const ledger = (db: Database) =>
  db.sql.query<{ migration_name: string; checksum: string }>('SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name');

describe('the migrated PGlite snapshot', () => {
  it('gives a new data directory the schema and migrations table that applying every migration gives', async () => {
    const fromSnapshot = await open('from-snapshot', migrations);
    const migrated = await openDatabase({ dataDir: join(dir, 'migrated') });
    try {
      expect(fromSnapshot.fromSnapshot).toBe(true);
      expect(await applyMigrations(fromSnapshot.sql, migrations)).toEqual([]);
      expect(migrated.fromSnapshot).toBe(false);
      expect(await applyMigrations(migrated.sql, migrations)).toHaveLength(migrations.length);
      expect(await ledger(fromSnapshot)).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: checksum(m.sql) })));
      expect(await ledger(fromSnapshot)).toEqual(await ledger(migrated));
      expect(await catalogue(fromSnapshot)).toEqual(await catalogue(migrated));
    } finally {
      await fromSnapshot.close();
      await migrated.close();
    }
  }, 120_000);

  it('is not used for other migrations, nor for a data directory that exists', async () => {
    const added = [...migrations, { name: '29991231000000_later', sql: 'CREATE TABLE "Later" (id int)' }];
    const newer = await open('newer', added);
    try {
      expect(newer.fromSnapshot).toBe(false);
      expect(await applyMigrations(newer.sql, added)).toHaveLength(added.length);
    } finally {
      await newer.close();
    }
    const again = await open('newer', migrations);
    try {
      expect(again.fromSnapshot).toBe(false);
    } finally {
      await again.close();
    }
    expect(await readdir(join(dir, 'snapshots'))).toHaveLength(1);
  }, 120_000);
});

describe('applying migrations', () => {
  it('refuses a migration changed after it was applied, on the one-query path too', async () => {
    const db = await open('changed', migrations);
    try {
      const changed = migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
      await expect(applyMigrations(db.sql, changed)).rejects.toThrow(`Migration ${migrations[0]!.name} was changed after it was applied`);
    } finally {
      await db.close();
    }
  }, 60_000);
});
