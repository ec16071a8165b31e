import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, pgliteOptions, type Database } from '../db/database.js';
import { applyMigrations } from '../db/migrations.js';
import { sqlRunnerForPGlite } from '../db/sql-runner.js';
import { TEMPLATE_DATABASE, withDatabaseName, workerDatabaseName } from './postgres-names.js';

async function cloneTemplate(url: string): Promise<string> {
  const name = workerDatabaseName();
  const admin = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return withDatabaseName(url, name);
}

/**
 * A migrated database for this test file: PGlite in memory, or this worker's PostgreSQL database.
 * `engine: 'pglite'` is for what only the embedded database does: PGlite in both runs (migrated here when
 * the run made no PGlite snapshot).
 */
export async function openTestDatabase(logQueries?: (sql: string) => void, options: { engine?: 'pglite' } = {}): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url && options.engine !== 'pglite') return openDatabase({ url: await cloneTemplate(url), logQueries });
  const snapshotPath = inject('pgliteSnapshot');
  if (!snapshotPath) {
    const pglite = new PGlite(pgliteOptions);
    await applyMigrations(sqlRunnerForPGlite(pglite));
    return openDatabase({ pglite, logQueries });
  }
  const pglite = new PGlite({ loadDataDir: new Blob([await readFile(snapshotPath)]), ...pgliteOptions });
  return openDatabase({ pglite, logQueries });
}

const resetStatements = new WeakMap<Database, string>();

/**
 * Empties every table but the migrations ledger. DELETE with foreign-key triggers off (replica role)
 * is an order of magnitude faster than TRUNCATE on small tables, which matters at one reset per test.
 */
export async function resetDatabase(db: Database): Promise<void> {
  let statement = resetStatements.get(db);
  if (!statement) {
    const tables = await db.sql.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    const deletes = tables.map((t) => `DELETE FROM "${t.tablename}";`).join(' ');
    statement = `SET session_replication_role = replica; ${deletes} SET session_replication_role = DEFAULT;`;
    resetStatements.set(db, statement);
  }
  await db.sql.exec(statement);
}
